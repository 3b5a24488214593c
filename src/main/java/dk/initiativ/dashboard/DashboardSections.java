package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.stereotype.Component;

/**
 * Every {@link DashboardSection}'s tables for one request, in page order, the sections asked concurrently on a small
 * pool of threads of its own ({@code initiativ.dashboard.section-threads}, default 3; ADR 0052): each section reads in
 * its own read-only transaction, so each on its own connection, and the request waits for the slowest path instead of
 * the sum. The pool is shared by all requests, so the dashboard never holds more than that many connections for its
 * sections (the Hikari pool has 20). The request's locale and security context go with each section; a section that
 * fails fails the request with its own exception, as when the sections ran one after the other. The page and the
 * dashboard benchmark both ask here, so the benchmark measures what the page does. Each request first has the
 * {@link SubmissionProjector} project what is left of the submissions committed before it.
 */
@Component
class DashboardSections implements DisposableBean {

    private final List<DashboardSection> sections;
    private final ExecutorService executor;
    private final SubmissionProjector submissions;

    DashboardSections(List<DashboardSection> sections, SubmissionProjector submissions,
            @Value("${initiativ.dashboard.section-threads:3}") int threads) {
        this.submissions = submissions;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DashboardSection::order)).toList();
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "dashboard-section-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The sections in page order. */
    List<DashboardSection> sections() {
        return sections;
    }

    /**
     * Every section's tables for the scope, in page order (sections in {@link DashboardSection#order()}), after the
     * submissions committed before the request are projected (ADR 0059).
     */
    List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        submissions.catchUp();
        LocaleContext localeContext = LocaleContextHolder.getLocaleContext();
        List<Future<List<DashboardTable>>> parts = new ArrayList<>();
        for (DashboardSection section : sections) {
            Callable<List<DashboardTable>> work = () -> {
                LocaleContext before = LocaleContextHolder.getLocaleContext();
                LocaleContextHolder.setLocaleContext(localeContext);
                try {
                    return section.tables(scope, locale);
                }
                finally {
                    LocaleContextHolder.setLocaleContext(before);
                }
            };
            parts.add(executor.submit(DelegatingSecurityContextCallable.create(work, null)));
        }
        List<DashboardTable> tables = new ArrayList<>();
        try {
            for (Future<List<DashboardTable>> part : parts) {
                tables.addAll(part.get());
            }
            return tables;
        }
        catch (ExecutionException e) {
            throw unwrapped(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the dashboard's sections were read", e);
        }
        finally {
            // a failed or interrupted request starts no further section (one already running ends by itself)
            parts.forEach(part -> part.cancel(false));
        }
    }

    private static RuntimeException unwrapped(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a dashboard section failed", cause);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
