package dk.initiativ.submission;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limit on the JSON API's submissions ({@code POST /api/initiatives}): every call counts, and one
 * over the limit is answered 429 with Retry-After and a problem detail. (The form at {@code /} counts only
 * the posts that would store a case, so a citizen correcting errors never runs into the limit.)
 */
@Configuration(proxyBeanMethods = false)
class SubmissionApiRateLimit implements WebMvcConfigurer {

    private final SubmissionRateLimiter limiter;
    private final MessageSource messages;

    SubmissionApiRateLimit(SubmissionRateLimiter limiter, MessageSource messages) {
        this.limiter = limiter;
        this.messages = messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!"POST".equals(request.getMethod())) {
                    return true;
                }
                SubmissionRateLimiter.Decision decision = limiter.tryConsume(request);
                if (decision.allowed()) {
                    return true;
                }
                Locale locale = LocaleContextHolder.getLocale();
                long minutes = Math.max(1, (decision.retryAfterSeconds() + 59) / 60);
                throw new SubmissionRateLimitedException(messages.getMessage("form.rateLimit.title", null, locale),
                        messages.getMessage("form.rateLimit.api", new Object[] {minutes}, locale),
                        decision.retryAfterSeconds());
            }
        }).addPathPatterns("/api/initiatives");
    }
}
