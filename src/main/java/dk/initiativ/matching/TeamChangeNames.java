package dk.initiativ.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names what the change record keeps of a team: the team's name for its code, the managers by name. */
@Component
class TeamChangeNames implements ChangeNames {

    private final TeamRepository teams;
    private final StaffProfileRepository profiles;

    TeamChangeNames(TeamRepository teams, StaffProfileRepository profiles) {
        this.teams = teams;
        this.profiles = profiles;
    }

    @Override
    public String kind() {
        return ReferenceKinds.TEAM;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> entityName(String code, Locale locale) {
        return teams.findByCode(code).map(Team::getName);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> value(String field, JsonNode value, Locale locale) {
        if (!"managers".equals(field) || !value.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        value.forEach(user -> names.add(profiles.findByUserId(user.asText())
                .map(profile -> profile.getDisplayName() + " (" + user.asText() + ")").orElse(user.asText())));
        return Optional.of(String.join(", ", names));
    }
}
