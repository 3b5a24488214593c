package dk.initiativ.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In a full test run (surefire sets {@code keycloak.startEarly}) Keycloak starts in the background as
 * the run begins, so that its 20-60 s start overlaps with the first tests. Run from an IDE, the
 * Keycloak tests start it when they need it.
 */
public class StartKeycloakEarly implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("keycloak.startEarly")) {
            KeycloakTestServer.startInBackground();
        }
    }
}
