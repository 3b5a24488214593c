package dk.initiativ.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MariaDB runs in a session of its own, so that Ctrl+C in the terminal (a signal to the whole
 * process group) stops the application first and the server only when Spring closes it.
 */
@LocalModeTest
class EmbeddedMariaDbSessionTest {

    @Test
    void theServerLeadsASessionOfItsOwn() throws IOException {
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/bin/mariadbd-server"))
                .findFirst().orElseThrow(() -> new AssertionError("no mariadbd-server started by this JVM"));

        assertThat(sessionOf(server.pid())).isEqualTo(server.pid())
                .isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
    }

    /** The session id: the sixth field of /proc/{pid}/stat, the fourth after the command in parentheses. */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
