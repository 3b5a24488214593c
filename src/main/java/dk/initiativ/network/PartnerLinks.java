package dk.initiativ.network;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.Cases;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation track of a case's support plan: partners, associations, volunteers and premises from the
 * registry linked to the case, each once. A link stays when its partner later leaves the registry.
 */
@Service
@Transactional
public class PartnerLinks {

    static final int NOTE_MAX_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(PartnerLinks.class);

    private final PartnerLinkRepository links;
    private final PartnerRepository partners;
    private final Cases cases;
    private final Clock clock;

    PartnerLinks(PartnerLinkRepository links, PartnerRepository partners, Cases cases, Clock clock) {
        this.links = links;
        this.partners = partners;
        this.cases = cases;
        this.clock = clock;
    }

    /** An active partner a case can be linked to; {@code suggested} when it serves the case's topic and district. */
    public record Choice(long id, String name, boolean suggested) {
    }

    /**
     * The active partners a case of this topic in this district can be linked to: first the suggested ones, those
     * that serve the topic and the district (ADR 0039), by name, then the others, by name.
     */
    @Transactional(readOnly = true)
    public List<Choice> choices(String topicCode, String districtCode) {
        List<Choice> suggested = new ArrayList<>();
        List<Choice> others = new ArrayList<>();
        for (Partner partner : partners.findByActiveTrueOrderByNameAsc()) {
            boolean serves = partner.serves(topicCode, districtCode);
            (serves ? suggested : others).add(new Choice(partner.getId(), partner.getName(), serves));
        }
        suggested.addAll(others);
        return suggested;
    }

    /**
     * Links an active registry partner to the case.
     *
     * @param note what the partner does for the initiative; optional, at most 1000 characters
     * @throws FieldProblemException field {@code partnerId} (no such partner, or not active) or {@code note}
     *                               (too long)
     * @throws ConflictException     the partner is linked to the case already
     * @throws CaseClosedException   the case is closed
     * @throws CaseNotFoundException no such case
     */
    public void link(String caseNumber, long partnerId, String note, String actor) {
        Objects.requireNonNull(actor, "actor");
        long initiativeId = cases.lockOpen(caseNumber);
        Partner partner = partners.findById(partnerId)
                .orElseThrow(() -> new FieldProblemException("partnerId", "partnerLink.partner.unknown"));
        if (!partner.isActive()) {
            throw new FieldProblemException("partnerId", "partnerLink.partner.inactive");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_MAX_LENGTH) {
            throw new FieldProblemException("note", "partnerLink.note.size");
        }
        if (links.existsByInitiativeIdAndPartnerId(initiativeId, partnerId)) {
            throw new ConflictException("conflict.partnerLinked",
                    "Partner " + partnerId + " is linked to case " + caseNumber + " already");
        }
        links.saveAndFlush(new PartnerLink(initiativeId, partnerId, text, actor, now()));
        log.info("Partner {} linked to case {} by {}", partnerId, caseNumber, actor);
    }

    /** The partners linked to the case, in the order they were linked, inactive ones included. */
    @Transactional(readOnly = true)
    public List<PartnerLinkView> forCase(String caseNumber) {
        List<PartnerLink> found = links.findByInitiativeIdOrderByLinkedAtAscIdAsc(cases.idOf(caseNumber));
        Map<Long, Partner> partnersById = partners.findAllById(found.stream().map(PartnerLink::getPartnerId)
                .distinct().toList()).stream().collect(Collectors.toMap(Partner::getId, Function.identity()));
        return found.stream().map(link -> link.toView(partnersById.get(link.getPartnerId()))).toList();
    }

    /** Now, to the microsecond the database keeps: what is returned is what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
