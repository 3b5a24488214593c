package dk.initiativ.web;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
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
 * pages keep theirs. See ADR 0011.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** {@code Cache-Control: max-age=31536000, public, immutable} */
    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** The static folders that pages link, each with its own handler (a handler maps one URL prefix). */
    static final String[] FOLDERS = {"dkfds", "css", "js"};

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
}
