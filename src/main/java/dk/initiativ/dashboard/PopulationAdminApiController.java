package dk.initiativ.dashboard;

import java.io.IOException;
import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.NotAccessLogged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Admins only: the population figures of the dashboard's representativeness (issue 13, ADR 0040). A file with bad
 * lines answers 400 with one error per line (field {@code file}, {@code line}, {@code column}, message) and stores
 * nothing.
 */
@RestController
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("population figures per district and age band: no citizen's data")
class PopulationAdminApiController {

    private final PopulationAdmin admin;

    PopulationAdminApiController(PopulationAdmin admin) {
        this.admin = admin;
    }

    @GetMapping(path = "/api/admin/population", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The years of population figures held, newest first (the dashboard uses the newest)")
    List<PopulationAdmin.Year> years(Authentication authentication) {
        Admins.require(authentication);
        return admin.years();
    }

    @PostMapping(path = "/api/admin/population", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload one year's population figures as CSV",
            description = "Parts: file (UTF-8 CSV, at most 512 KB, header district,age_band,inhabitants), year, "
                    + "source, replace (true to replace a year already held; otherwise 400 on field year). Every "
                    + "bad line is reported and nothing is stored. Older years are kept.")
    PopulationAdmin.Year upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "replace", required = false) String replace,
            Authentication authentication) throws IOException {
        String who = Admins.require(authentication);
        return admin.upload(PopulationPageController.year(year), source, PopulationPageController.bytes(file),
                file == null ? null : file.getOriginalFilename(), "true".equals(replace), who);
    }
}
