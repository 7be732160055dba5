package dev.keelson.reference.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ManagementErrorPathTest {
    private final ManagementErrorPath.DirectErrorCalls filter = new ManagementErrorPath.DirectErrorCalls("/error");

    @ParameterizedTest
    @ValueSource(strings = {"/error", "/error;x=1", "/error;jsessionid=0", "/%65rror", "/%65%72%72%6f%72"})
    void aDirectCallToTheErrorPathIsAnUnknownPath(String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", uri), response, chain);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(chain.getRequest()).as("passed on").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/ready", "/prometheus", "/errors", "/error/x", "/nope", "/"})
    void otherPathsPass(String uri) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/error", "/%65rror"})
    void theContainersErrorDispatchesPass(String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setDispatcherType(DispatcherType.ERROR);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }
}
