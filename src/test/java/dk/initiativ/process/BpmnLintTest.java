package dk.initiativ.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's bpmnlint step (recommended rules, {@code src/build/bpmnlint/.bpmnlintrc}, ADR 0010) passes the
 * models as they are and fails a model that breaks a rule: an unlabelled branch, overlapping shapes, or an
 * inclusive gateway other than the support plan's two. Runs the bpmnlint that {@code npm ci} installed in the
 * validate phase, with the same arguments as the build.
 */
class BpmnLintTest {

    private static final Path LINT_DIR = Path.of("src", "build", "bpmnlint").toAbsolutePath();
    private static final Path MODEL = Path.of("bpmn", "initiative.bpmn").toAbsolutePath();

    @Test
    void everyModelPasses() throws Exception {
        try (var models = Files.newDirectoryStream(Path.of("bpmn").toAbsolutePath(), "*.bpmn")) {
            for (Path model : models) {
                Lint lint = lint(model);
                assertThat(lint.exitCode()).as(lint.output()).isZero();
            }
        }
    }

    @Test
    void anUnlabelledBranchFailsTheBuild() throws Exception {
        Lint lint = lint(variant("unlabelled", model().replace(" name=\"Puljemidler\"", "")));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("Flow_Split_Funding", "label-required");
    }

    @Test
    void overlappingShapesFailTheBuild() throws Exception {
        String model = model();
        String endEvent = "<bpmndi:BPMNShape id=\"EndEvent_Permit_di\" bpmnElement=\"EndEvent_Permit\">\n"
                + "        <dc:Bounds x=\"2802\" y=\"217\"";
        assertThat(model).contains(endEvent);
        Lint lint = lint(variant("overlapping", model.replace(endEvent,
                endEvent.replace("x=\"2802\" y=\"217\"", "x=\"2660\" y=\"217\""))));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("EndEvent_Permit", "no-overlapping-elements");
    }

    @Test
    void onlyTheSupportPlansTwoInclusiveGatewaysAreAllowed() throws Exception {
        String model = model();
        String exclusive = "<bpmn:exclusiveGateway id=\"" + InitiativeProcess.GATEWAY_DONE + "\"";
        String inclusive = "<bpmn:inclusiveGateway id=\"" + InitiativeProcess.GATEWAY_DONE + "\"";
        assertThat(model).contains(exclusive);
        Lint lint = lint(variant("inclusive", model.replace(exclusive, inclusive)
                .replaceFirst("(?s)(" + inclusive + ".*?)</bpmn:exclusiveGateway>", "$1</bpmn:inclusiveGateway>")));

        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains(InitiativeProcess.GATEWAY_DONE, "inclusive-gateway-where-decided")
                .doesNotContain(InitiativeProcess.GATEWAY_SUPPORT_SPLIT, InitiativeProcess.GATEWAY_SUPPORT_JOIN);
    }

    private static String model() throws IOException {
        return Files.readString(MODEL, StandardCharsets.UTF_8);
    }

    private static Path variant(String name, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bpmnlint").toAbsolutePath());
        Path file = dir.resolve(name + ".bpmn");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private record Lint(int exitCode, String output) {
    }

    private static Lint lint(Path model) throws Exception {
        List<String> command = List.of("node", LINT_DIR.resolve("node_modules/bpmnlint/bin/bpmnlint.js").toString(),
                "--max-warnings=0", model.toString());
        Process process = new ProcessBuilder(command).directory(LINT_DIR.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Lint(process.exitValue(), output);
    }
}
