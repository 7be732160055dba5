package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerHeaderResolverTest {
    private final BearerHeaderResolver resolver = new BearerHeaderResolver();

    @Test
    void theTokenAfterBearerIsReturnedWhateverTheSchemeCase() {
        assertThat(resolver.resolve(withAuthorization("Bearer eyJ.a-b_c~d+e/f==")))
                .isEqualTo("eyJ.a-b_c~d+e/f==");
        assertThat(resolver.resolve(withAuthorization("bearer abc"))).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeMeansNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
        assertThat(resolver.resolve(withAuthorization("Basic dXNlcjpwdw=="))).isNull();
    }

    @Test
    void aBearerHeaderWithoutAValidTokenIsMalformed() {
        for (String bad : new String[] {
            "Bearer",
            "Bearer ",
            "Bearerabc",
            "Bearer  abc",
            "Bearer a b",
            "Bearer =abc",
            "Bearer abc=d",
            "Bearer ab\"c",
            "Bearer abc\n"
        }) {
            assertThatThrownBy(() -> resolver.resolve(withAuthorization(bad)))
                    .as(bad)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void theQueryStringIsNeverRead() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");
        request.setParameter("access_token", "abc");
        assertThat(resolver.resolve(request)).isNull();
    }

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", value);
        return request;
    }
}
