package dk.initiativ.citizen;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The tracking pages carry a private token in their address, and "my initiatives" lists such links:
 * never stored by a browser or proxy cache, never sent on as a Referer, never indexed by a search
 * engine. Set before anything else runs, so that error answers (a made-up token) carry them too.
 */
@Configuration(proxyBeanMethods = false)
class PrivatePageHeaders {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> privatePageHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Robots-Tag", "noindex, nofollow");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/track/*", "/my/*", "/api/citizen/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("privatePageHeaders");
        return registration;
    }
}
