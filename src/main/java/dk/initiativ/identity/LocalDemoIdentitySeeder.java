package dk.initiativ.identity;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import org.springframework.stereotype.Component;

/**
 * Local mode: creates the role groups and the demo users in Camunda's identity tables at first start
 * (Camunda stores the passwords salted and hashed). Users that exist already are left as they are.
 */
@Component
@ConditionalOnProperty(name = "initiativ.identity.mode", havingValue = "local", matchIfMissing = true)
@ConditionalOnDemoData
class LocalDemoIdentitySeeder extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(LocalDemoIdentitySeeder.class);

    private final Resource identityFile;

    LocalDemoIdentitySeeder(@Value("${initiativ.demo.identity-file:classpath:demo/identity.yaml}") Resource identityFile) {
        this.identityFile = identityFile;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identityService = engine.getIdentityService();
        DemoIdentity demo = read();
        int created = 0;
        for (DemoIdentity.DemoGroup demoGroup : demo.groups()) {
            if (identityService.createGroupQuery().groupId(demoGroup.id()).count() == 0) {
                Group group = identityService.newGroup(demoGroup.id());
                group.setName(demoGroup.name());
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        for (DemoIdentity.DemoUser demoUser : demo.users()) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demoUser.id());
            user.setFirstName(demoUser.firstName());
            user.setLastName(demoUser.lastName());
            user.setEmail(demoUser.email());
            user.setPassword(demoUser.password());
            identityService.saveUser(user);
            demoUser.groups().forEach(groupId -> identityService.createMembership(demoUser.id(), groupId));
            created++;
        }
        if (created > 0) {
            log.info("Created {} local demo users from {}", created, identityFile);
        }
    }

    private DemoIdentity read() {
        return DemoFiles.read(identityFile, DemoIdentity.class);
    }
}
