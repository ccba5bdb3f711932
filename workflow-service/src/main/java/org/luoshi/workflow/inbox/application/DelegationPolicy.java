package org.luoshi.workflow.inbox.application;

import java.util.List;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.directory.PeopleDirectory;

/**
 * 转办: an item may be handed only to someone it could have been offered to — someone who is in one of its candidate
 * groups as Keycloak knows them now. A department group means staff of that department; {@code role:<role>} means
 * that realm role (the supervising office's deciding items go to supervisors only); {@code org:<code>} means an
 * evaluator of that organisation.
 */
final class DelegationPolicy {

    private DelegationPolicy() {
    }

    static boolean mayReceive(PeopleDirectory.Person person, List<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(group -> isIn(person, group));
    }

    private static boolean isIn(PeopleDirectory.Person person, String group) {
        if (group.startsWith(InboxEntitlement.ROLE_GROUP_PREFIX)) {
            return person.roles().contains(group.substring(InboxEntitlement.ROLE_GROUP_PREFIX.length()));
        }
        if (group.startsWith(EvaluationProcess.ORGANISATION_GROUP_PREFIX)) {
            return person.roles().contains(Roles.EVALUATOR)
                    && group.substring(EvaluationProcess.ORGANISATION_GROUP_PREFIX.length()).equals(person.organisation());
        }
        return person.departments().contains(group) && person.roles().contains(Roles.STAFF);
    }
}
