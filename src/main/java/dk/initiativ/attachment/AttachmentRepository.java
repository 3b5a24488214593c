package dk.initiativ.attachment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    /** The list without the files' bytes. */
    @Query("select new dk.initiativ.attachment.AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256)"
            + " from Attachment a where a.initiativeId = :initiativeId order by a.id")
    List<AttachmentView> viewsOf(Long initiativeId);

    Optional<Attachment> findByIdAndInitiativeId(Long id, Long initiativeId);

    long countByInitiativeId(Long initiativeId);
}
