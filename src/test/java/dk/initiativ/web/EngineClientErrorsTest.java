package dk.initiativ.web;

import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's bad input refused inside an engine command is no error in the log; a failure still is. */
@LocalModeTest
@ExtendWith(OutputCaptureExtension.class)
class EngineClientErrorsTest {

    @Autowired ProcessEngine engine;

    @Test
    void aFieldErrorInsideTheEngineIsNotLoggedAsAnErrorAFailureIs(CapturedOutput output) {
        CommandExecutor commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration()
                .getCommandExecutorTxRequired();
        assertThatThrownBy(() -> commands.execute(context -> {
            throw new FieldProblemException("amount", "funding.amount.invalid");
        })).isInstanceOf(FieldProblemException.class);
        assertThat(output.getAll()).doesNotContain("ENGINE-16004");

        assertThatThrownBy(() -> commands.execute(context -> {
            throw new IllegalStateException("a real failure");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(output.getAll()).contains("ENGINE-16004").contains("a real failure");
    }
}
