package dk.initiativ.initiative;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    Optional<Initiative> findByCaseNumber(String caseNumber);

    Optional<Initiative> findByTrackingTokenHash(String trackingTokenHash);

    Optional<Initiative> findBySubmissionKey(String submissionKey);

    List<Initiative> findByCitizenUserIdOrderBySubmittedAtDesc(String citizenUserId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Initiative i where i.caseNumber = :caseNumber")
    Optional<Initiative> lockByCaseNumber(String caseNumber);

    @Query("select i.contactPerson, count(i) from Initiative i where i.contactPerson is not null"
            + " and i.stage <> dk.initiativ.initiative.Stage.CLOSED group by i.contactPerson")
    List<Object[]> countOpenCasesByContactPerson();

    @Query("select i.caseNumber from Initiative i where i.contactPerson = :userId"
            + " and i.stage <> dk.initiativ.initiative.Stage.CLOSED order by i.caseNumber")
    List<String> findOpenCaseNumbersByContactPerson(String userId);

    @Query("select i from Initiative i where i.teamCode is not null order by i.submittedAt desc, i.id desc")
    List<Initiative> findLatestWithTeam(Pageable page);

    @Query("select i from Initiative i where i.stage = dk.initiativ.initiative.Stage.CLOSED"
            + " and i.publicationConsent = true and i.outcome in :outcomes"
            + " and (:district is null or i.district = :district) order by i.closedAt desc, i.id desc")
    Page<Initiative> findPublished(Collection<Outcome> outcomes, String district, Pageable page);

    /** Cases per channel, district and age band submitted in [from, to): one range scan of the statistics index. */
    @Query("select new dk.initiativ.initiative.ChannelStatistics$Row(i.channel, i.district, i.profileAgeBand, count(i))"
            + " from Initiative i where i.submittedAt >= :from and i.submittedAt < :to"
            + " group by i.channel, i.district, i.profileAgeBand order by i.channel, i.district, i.profileAgeBand")
    List<ChannelStatistics.Row> countByChannel(java.time.Instant from, java.time.Instant to);
}
