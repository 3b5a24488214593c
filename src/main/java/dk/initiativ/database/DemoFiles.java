package dk.initiativ.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;

/**
 * Reads a demo data file (YAML) into the record a seeder declares; each seeder reads only its own
 * section of a shared file, so unknown properties are ignored.
 */
public final class DemoFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DemoFiles() {
    }

    public static <T> T read(Resource file, Class<T> type) {
        try (InputStream in = file.getInputStream()) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data file " + file, e);
        }
    }
}
