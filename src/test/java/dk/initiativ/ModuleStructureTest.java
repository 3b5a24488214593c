package dk.initiativ;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module rules of ADR 0008, checked by the build without starting Spring: every direct sub-package of
 * {@code dk.initiativ} is an application module; no module cycles; a module uses only another's API (its
 * top-level package or a named interface). The same model writes the module documentation into
 * {@code docs/architecture/}: Spring Modulith's component diagrams and module canvases, and a Mermaid
 * overview that GitHub shows as a picture.
 */
class ModuleStructureTest {

    static final Path DOCS = Path.of("docs", "architecture");

    static final ApplicationModules MODULES = ApplicationModules.of(InitiativApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void sharedInfrastructureKnowsNoFeature() {
        for (String infrastructure : new String[] {"web", "process", "database"}) {
            ApplicationModule module = MODULES.getModuleByName(infrastructure).orElseThrow();
            assertThat(module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName))
                    .as("modules that %s depends on", infrastructure)
                    .isEmpty();
        }
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Files.writeString(generated.resolve("modules.md"), mermaidOverview(), StandardCharsets.UTF_8);
        copyChangedContent(generated, DOCS);

        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("module-casework.adoc")).exists();
        assertThat(DOCS.resolve("modules.md")).content(StandardCharsets.UTF_8).contains("casework --> initiative");
    }

    /**
     * Copies the generated files whose content changed, and removes files no longer generated. Spring Modulith
     * lists relations and events in an order that differs from run to run; a file with the same lines in
     * another order is left as it is, so the folder changes only when the modules do. (Generated first into
     * {@code target/modulith-docs/}.)
     */
    static void copyChangedContent(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> generated;
        try (Stream<Path> files = Files.list(from)) {
            generated = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : generated) {
            Path target = to.resolve(file.getFileName().toString());
            if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Set<String> names = generated.stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(to)) {
            for (Path stale : files.filter(file -> !names.contains(file.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        // a canvas's first list item carries the table's cell mark: "|* a", "* b" equals "|* b", "* a"
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .map(line -> line.startsWith("|* ") ? line.substring(1) : line).sorted().toList();
    }

    /** Every module and the modules it uses directly (which the verification allows), as a Mermaid graph. */
    static String mermaidOverview() {
        String edges = MODULES.stream().sorted()
                .flatMap(module -> module.getDirectDependencies(MODULES).uniqueModules()
                        .map(ApplicationModule::getName).distinct().sorted()
                        .map(target -> "    " + module.getName() + " --> " + target))
                .collect(Collectors.joining("\n"));
        String table = MODULES.stream().sorted()
                .map(module -> "| [`" + module.getName() + "`](module-" + module.getName() + ".adoc) | "
                        + module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                                .distinct().sorted().map(name -> "`" + name + "`").collect(Collectors.joining(", "))
                        + " |")
                .collect(Collectors.joining("\n"));
        return """
                # Application modules

                Generated by `ModuleStructureTest` from the code (Spring Modulith); do not edit by hand.
                The rules are in [ADR 0008](../adr/0008-module-rules.md). An arrow means "uses the API of";
                the build fails on a cycle or on use of another module's internals.

                ```mermaid
                graph LR
                %s
                ```

                | module (canvas) | uses |
                |---|---|
                %s

                Spring Modulith's own output beside this file: `components.puml` (all modules),
                `module-<name>.puml` (one module and its neighbours) and `module-<name>.adoc` (the module's
                canvas: its API, beans, entities, events and configuration properties); `all-docs.adoc` joins them.
                """.formatted(edges, table);
    }
}
