package dk.initiativ.notification;

import java.util.function.Supplier;

/**
 * Turns the case e-mails off for work done on the current thread, e.g. while the embedded run seeds its
 * demo initiatives: their history is made up, and nobody should get receipts and decisions for it.
 */
public final class MailSuppression {

    private static final ThreadLocal<Boolean> SUPPRESSED = ThreadLocal.withInitial(() -> false);

    private MailSuppression() {
    }

    /** Runs the work without case e-mails on this thread. */
    public static void during(Runnable work) {
        during(() -> {
            work.run();
            return null;
        });
    }

    /** Runs the work without case e-mails on this thread and returns its result. */
    public static <T> T during(Supplier<T> work) {
        boolean before = SUPPRESSED.get();
        SUPPRESSED.set(true);
        try {
            return work.get();
        } finally {
            SUPPRESSED.set(before);
        }
    }

    static boolean active() {
        return SUPPRESSED.get();
    }
}
