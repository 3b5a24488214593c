package dk.initiativ.matching;

import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per rule row of bpmn/choose-team.dmn, on the deployed decision of the real engine. Help
 * wanted arrives as comma-separated codes (a process variable holds no Java lists).
 */
@LocalModeTest
class ChooseTeamDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0}: {1} in {2}, help {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Rule_SocialTopics        | aeldre          | holbaek-by | PREMISES         | social-sundhed
            Rule_SocialTopics        | boern-unge      | jyderup    | FUNDING          | social-sundhed
            Rule_NatureCultureTopics | natur-miljoe    | moerkoev   | PERMITS          | natur-kultur
            Rule_NatureCultureTopics | kultur-fritid   | holbaek-by | PREMISES         | natur-kultur
            Rule_PremisesInTown      | trafik-byrum    | holbaek-by | FUNDING,PREMISES | natur-kultur
            Rule_VillageDistricts    | erhverv-turisme | svinninge  | FUNDING          | natur-kultur
            Rule_Otherwise           | trafik-byrum    | holbaek-by | FUNDING          | social-sundhed
            Rule_Otherwise           | erhverv-turisme | toelloese  | PREMISES         | social-sundhed
            """)
    void eachRuleRowChoosesItsTeam(String rule, String topic, String district, String helpWanted, String team) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("choose-team", Variables.createVariables()
                        .putValue("topic", topic).putValue("district", district)
                        .putValue("helpWanted", helpWanted))
                .getSingleResult().getEntryMap();

        assertThat(result).as(rule).containsEntry("teamCode", team);
    }
}
