package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@link DashboardSections}: the sections run concurrently (ADR 0052), yet the page gets their tables in page order,
 * each section sees the request's locale and user, and a section's failure is the request's, with its own exception.
 */
class DashboardSectionsTest {

    static final DashboardScope SCOPE = new DashboardScope(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
            Set.of(), Optional.empty(), Optional.empty());
    static final Locale EN = Locale.ENGLISH;

    final ConcurrentHashMap<Integer, String> seen = new ConcurrentHashMap<>();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
    }

    /** A section of one table named after its order; it records the thread, user and locale it ran with. */
    DashboardSection section(int order, Runnable before) {
        return new DashboardSection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
                before.run();
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                seen.put(order, Thread.currentThread().getName() + " " + (authentication == null ? "-"
                        : authentication.getName()) + " " + LocaleContextHolder.getLocale() + " " + locale);
                return List.of(new DashboardTable("t" + order, "dashboard.title", "dashboard.definition", List.of(),
                        List.of(), Optional.empty()));
            }
        };
    }

    @Test
    void sectionsRunConcurrentlyAndComeBackInPageOrderWithTheRequestsUserAndLocale() {
        // the first section in page order waits until the third has run: only concurrent sections get past it
        CountDownLatch thirdRan = new CountDownLatch(1);
        DashboardSections sections = new DashboardSections(List.of(
                section(30, thirdRan::countDown),
                section(20, () -> { }),
                section(10, () -> await(thirdRan))), mock(SubmissionProjector.class), 3);
        try {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("leder", "n/a", List.of()));
            LocaleContextHolder.setLocale(EN);
            List<DashboardTable> tables = sections.tables(SCOPE, EN);
            assertThat(tables).extracting(DashboardTable::id).containsExactly("t10", "t20", "t30");
            assertThat(sections.sections()).extracting(DashboardSection::order).containsExactly(10, 20, 30);
            assertThat(seen.values()).allSatisfy(value -> assertThat(value)
                    .startsWith("dashboard-section-").endsWith(" leder en en"));
            // the pool's threads keep no request's user
            assertThat(sections.tables(SCOPE, EN)).hasSize(3);
        }
        finally {
            sections.destroy();
        }
    }

    @Test
    void aFailingSectionFailsTheRequestWithItsOwnException() {
        IllegalStateException failure = new IllegalStateException("section 20 failed");
        DashboardSections sections = new DashboardSections(List.of(
                section(10, () -> { }),
                section(20, () -> {
                    throw failure;
                }),
                section(30, () -> { })), mock(SubmissionProjector.class), 2);
        try {
            assertThatThrownBy(() -> sections.tables(SCOPE, EN)).isSameAs(failure);
        }
        finally {
            sections.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the sections did not run concurrently");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
