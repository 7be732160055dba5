package dev.keelson.reference.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One GreenMail SMTP server on a free port for the whole test run: the service's real SMTP sender talks to it. */
public final class TestSmtp {
    private static GreenMail server;

    private TestSmtp() {}

    /** The server's port, starting it on first use. */
    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server.getSmtp().getPort();
    }

    /** The bodies of the emails {@code recipient} has received so far. */
    public static List<String> bodiesNow(String recipient) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> addressedTo(m, recipient))
                .map(GreenMailUtil::getBody)
                .toList();
    }

    /** The bodies of the emails {@code recipient} has received, waiting up to 10 s for at least {@code count}. */
    public static List<String> bodiesFor(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<String> bodies = bodiesNow(recipient);
            if (bodies.size() >= count || Instant.now().isAfter(deadline)) {
                return bodies;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return bodies;
            }
        }
    }

    private static boolean addressedTo(Message message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
