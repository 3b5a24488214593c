package dk.initiativ.casework;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNoteRepository extends JpaRepository<CaseNote, Long> {

    List<CaseNote> findByInitiativeIdOrderByWrittenAtAscIdAsc(Long initiativeId);
}
