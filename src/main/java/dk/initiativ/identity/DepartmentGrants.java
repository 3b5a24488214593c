package dk.initiativ.identity;

import java.util.List;
import java.util.Locale;

import dk.initiativ.permits.DepartmentAdded;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A department an admin adds at run time gets the Camunda grants of a department group (ADR 0040): Tasklist, the
 * process definitions and the shared Tasklist filters, the same that {@link CamundaRoleAuthorizations} and
 * {@link TasklistFilters} give every department at start. Idempotent, so a restart converges on the same grants.
 */
@Component
class DepartmentGrants {

    private static final Logger log = LoggerFactory.getLogger(DepartmentGrants.class);
    private static final Locale MUNICIPALITY = Locale.forLanguageTag("da");

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final MessageSource messages;

    DepartmentGrants(AuthorizationService authorizations, FilterService filters, MessageSource messages) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(DepartmentAdded event) {
        CamundaRoleAuthorizations.departmentGrants().forEach(grant -> CamundaRoleAuthorizations.ensure(authorizations,
                event.group(), grant.resource(), grant.resourceId(), grant.permissions()));
        for (String nameKey : List.of("tasklist.filter.mine", "tasklist.filter.groups")) {
            filters.createFilterQuery().filterName(messages.getMessage(nameKey, null, MUNICIPALITY)).list()
                    .forEach(filter -> CamundaRoleAuthorizations.ensure(authorizations, event.group(),
                            Resources.FILTER, filter.getId(), List.of(Permissions.READ)));
        }
        log.info("Department group {} has its Camunda grants", event.group());
    }
}
