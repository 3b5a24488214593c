package dk.initiativ.web;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The design system, our style sheet and script under content-versioned URLs
 * ({@code /dkfds/css/dkfds.min-<md5 of the content>.css}), cached by browsers for a year without ever asking
 * again: a new content is a new URL. Pages link them with Thymeleaf's {@code @{...}}, which the
 * {@link ResourceUrlEncodingFilter} rewrites to the versioned URL; the links inside the CSS (fonts, icons) are
 * rewritten the same way by the chain's CSS transformer. Setting Cache-Control here also keeps Spring
 * Security's "no-cache, no-store" off these files (it writes its cache headers only where none is set);
 * pages keep theirs. The same file under its plain URL (nothing of ours links it) is answered with
 * {@code no-cache}: a browser may keep it but asks again, so it never holds a stale copy for a year. See ADR 0011.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** {@code Cache-Control: max-age=31536000, public, immutable} */
    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** Where a file is revalidated on every use: its plain, unversioned URL. */
    static final String UNVERSIONED = CacheControl.noCache().getHeaderValue();

    /** {@code name-<32 hex digits of the content's MD5>.ext}, as the content version strategy names them */
    private static final Pattern VERSIONED_NAME = Pattern.compile(".*-[0-9a-f]{32}\\.[^/.]+$");

    /** The static folders that pages link, each with its own handler (a handler maps one URL prefix). */
    static final String[] FOLDERS = {"dkfds", "dmn-js", "css", "js", "images"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(VERSIONED)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /** On the error dispatch too, so that the error pages (an unknown address: 404) link the versioned files. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** A plain URL's answer gets {@link #UNVERSIONED} instead of the year that the resource handler would set. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unversionedStaticFiles() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return VERSIONED_NAME.matcher(request.getRequestURI()).matches();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void setHeader(String name, String value) {
                        super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? UNVERSIONED : value);
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? UNVERSIONED : value);
                    }
                });
            }
        });
        for (String folder : FOLDERS) {
            registration.addUrlPatterns("/" + folder + "/*");
        }
        registration.setName("unversionedStaticFiles");
        return registration;
    }
}
