package dk.initiativ.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dk.initiativ.process.EngineTextValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Camunda's tables are utf8mb3: an id or query value with a character beyond the Basic Multilingual
 * Plane (an emoji) makes the database refuse the query, which the engine APIs answer with 500. No
 * engine id has such characters, so an address with one is answered as the engine answers an unknown
 * id (404), and such a query value as a bad request (400), before the engine sees it.
 */
@Configuration(proxyBeanMethods = false)
class EngineIdCharacters {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineIdCharactersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (!fits(request.getRequestURI())) {
                    refuse(response, HttpServletResponse.SC_NOT_FOUND, "No such resource: the id cannot exist");
                } else if (!fits(request.getQueryString())) {
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                            "A query value has characters that the engine cannot store or compare (such as emoji)");
                } else {
                    chain.doFilter(request, response);
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engineIdCharacters");
        return registration;
    }

    private static boolean fits(String encoded) {
        if (encoded == null) {
            return true;
        }
        try {
            return EngineTextValidator.fitsEngine(UriUtils.decode(encoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /** The engine REST API's own error body: {@code {"type": ..., "message": ...}}. */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
    }
}
