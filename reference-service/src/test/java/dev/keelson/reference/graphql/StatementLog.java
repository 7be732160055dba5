package dev.keelson.reference.graphql;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Every SQL statement the service executes, in order, recorded by datasource-proxy. It lives in the test sources, so
 * the component scan finds it in tests only; tests take a {@link #mark()} before a request and read what ran
 * {@link #since(int) since} then.
 *
 * <p>The pool stays the service's own {@link HikariDataSource} bean (whatever else post-processes it still finds
 * it): only the connections it opens come through datasource-proxy, made from the pool's own URL, credentials and
 * driver properties (the live set, so properties added later still apply).
 */
@Component
public class StatementLog implements BeanPostProcessor, QueryExecutionListener {
    private final List<String> statements = new ArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getDataSource() == null) {
            DriverManagerDataSource direct =
                    new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            direct.setConnectionProperties(pool.getDataSourceProperties());
            pool.setDataSource(ProxyDataSourceBuilder.create(direct)
                    .name(beanName)
                    .listener(this)
                    .build());
        }
        return bean;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public synchronized void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        queries.forEach(q -> statements.add(q.getQuery()));
    }

    /** The position of the next statement. */
    public synchronized int mark() {
        return statements.size();
    }

    /** The statements executed since {@code mark}, in order. */
    public synchronized List<String> since(int mark) {
        return List.copyOf(statements.subList(mark, statements.size()));
    }
}
