package dev.keelson.reference.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The service's firewall gives Spring Security's default verdict on every header name, header value and parameter
 * name, hostile ones first: the same text passed and refused, only decided faster for plain ASCII.
 */
class PrintableTextTest {
    private static final List<String> TEXTS = List.of(
            "",
            "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
            printableAscii(),
            "\t",
            "a\tb",
            "\u0000",
            "a\u0001b",
            "\u001f",
            "line\r\nX-Injected: 1",
            "\n",
            "\u007f",
            "\u0080",
            "\u0085",
            "\u009f",
            "\u00a0",
            "café",
            "ÿ",
            "\u0378",
            "\uffff",
            "\ufffe",
            "\ud800",
            "x\udc00",
            "😀",
            "\u2028",
            "\u2029",
            "\u200b",
            "\ue000",
            "é\u0085");

    private final HttpFirewall springs = new StrictHttpFirewall();
    private final HttpFirewall ours = new SecurityConfiguration().firewall();

    @Test
    void headerValuesArePassedAndRefusedAsSpringSecurityDoes() {
        assertSameVerdicts(
                text -> {
                    MockHttpServletRequest request = request();
                    request.addHeader("Authorization", text);
                    return request;
                },
                request -> request.getHeader("Authorization"));
    }

    @Test
    void headerNamesArePassedAndRefusedAsSpringSecurityDoes() {
        assertSameVerdicts(
                text -> {
                    MockHttpServletRequest request = request();
                    request.addHeader("X-" + text, "v");
                    return request;
                },
                request -> request.getHeaderNames().nextElement());
    }

    @Test
    void parameterNamesArePassedAndRefusedAsSpringSecurityDoes() {
        assertSameVerdicts(
                text -> {
                    MockHttpServletRequest request = request();
                    request.addParameter("p" + text, "v");
                    return request;
                },
                request -> request.getParameterNames().nextElement());
    }

    @Test
    void controlCharactersAreRefusedAndPlainTokensPass() {
        assertThat(PrintableText.VALUES.test("Bearer abc.def-ghi_jkl")).isTrue();
        assertThat(PrintableText.VALUES.test("a\tb")).isTrue();
        assertThat(PrintableText.NAMES.test("a\tb")).isFalse();
        assertThat(PrintableText.VALUES.test("a\u0085b")).isFalse();
        assertThat(PrintableText.VALUES.test("a\r\nb")).isFalse();
        assertThat(PrintableText.VALUES.test("\u0378")).isFalse();
        assertThat(PrintableText.VALUES.test("café")).isTrue();
    }

    private void assertSameVerdicts(
            Function<String, MockHttpServletRequest> requestWith, Function<HttpServletRequest, String> read) {
        List<String> differences = new ArrayList<>();
        int refused = 0;
        for (String text : TEXTS) {
            boolean springPasses = passes(springs, requestWith.apply(text), read);
            boolean ourPasses = passes(ours, requestWith.apply(text), read);
            if (springPasses != ourPasses) {
                differences.add(text.codePoints().mapToObj(Integer::toHexString).toList() + ": Spring Security "
                        + (springPasses ? "passes" : "refuses") + " it, ours " + (ourPasses ? "passes" : "refuses"));
            }
            refused += springPasses ? 0 : 1;
        }
        assertThat(differences).isEmpty();
        assertThat(refused).as("hostile texts refused").isGreaterThan(5);
    }

    private static boolean passes(
            HttpFirewall firewall, MockHttpServletRequest request, Function<HttpServletRequest, String> read) {
        try {
            read.apply(firewall.getFirewalledRequest(request));
            return true;
        } catch (RequestRejectedException e) {
            return false;
        }
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");
        request.setServletPath("/api/v1/orders");
        return request;
    }

    private static String printableAscii() {
        StringBuilder all = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            all.append(c);
        }
        return all.toString();
    }
}
