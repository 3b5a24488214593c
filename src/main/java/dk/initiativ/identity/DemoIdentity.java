package dk.initiativ.identity;

import java.util.List;

/** The demo users and groups of local mode, read from {@code demo/identity.yaml}. */
record DemoIdentity(List<DemoGroup> groups, List<DemoUser> users) {

    record DemoGroup(String id, String name) {
    }

    record DemoUser(String id, String firstName, String lastName, String email, String password, List<String> groups) {
    }
}
