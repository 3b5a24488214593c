package dk.initiativ.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.admin.Admins;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of population figures (issue 13, ADR 0040): the years held, the upload of a year as CSV with its
 * format described and an example to download ({@code /admin/befolkning/eksempel.csv}). A refused upload comes back
 * with the message next to the field, every bad line listed, and nothing stored.
 */
@Controller
@HtmlPage
@NotAccessLogged("population figures per district and age band: no citizen's data")
class PopulationPageController {

    static final String PATH = "/admin/befolkning";

    private final PopulationAdmin admin;
    private final MessageSource texts;
    private final JdbcTemplate jdbc;

    PopulationPageController(PopulationAdmin admin, MessageSource texts, JdbcTemplate jdbc) {
        this.admin = admin;
        this.texts = texts;
        this.jdbc = jdbc;
    }

    /** The upload form's fields as typed (the file is never sent back). */
    record Form(String year, String source, boolean replace) {
    }

    /** A bad line as the page lists it. */
    record LineRow(long line, String column, String message) {
    }

    @GetMapping(PATH)
    String page(Authentication authentication, Model model) {
        Admins.require(authentication);
        return page(new Form("", "", false), Map.of(), List.of(), model);
    }

    @PostMapping(PATH)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "replace", required = false) String replace,
            Authentication authentication, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        String who = Admins.require(authentication);
        Form form = new Form(year, source, replace != null);
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineRow> lines = List.of();
        try {
            admin.upload(year(year), source, bytes(file),
                    file == null ? null : file.getOriginalFilename(), replace != null, who);
            redirect.addFlashAttribute("notice", "admin.population.stored");
            return "redirect:" + PATH;
        } catch (FieldProblemException e) {
            errors.put(e.field(), texts.getMessage(e.messageKey(), null, e.messageKey(), locale));
        } catch (PopulationAdmin.BadLinesException e) {
            errors.put("file", texts.getMessage("admin.population.badLines", new Object[] {e.errors().size()},
                    locale));
            lines = e.errors().stream().map(error -> new LineRow(error.line(), error.column(),
                    error.text(texts, locale))).toList();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(form, errors, lines, model);
    }

    /** An example file: the header and one line per district and age band of the catalogue. */
    @GetMapping(PATH + "/eksempel.csv")
    ResponseEntity<byte[]> example(Authentication authentication) {
        Admins.require(authentication);
        StringBuilder csv = new StringBuilder(String.join(",", PopulationAdmin.HEADER)).append("\r\n");
        int n = 0;
        for (String district : jdbc.queryForList("SELECT code FROM district ORDER BY code", String.class)) {
            for (AgeBand band : AgeBand.values()) {
                csv.append(district).append(',').append(band.name()).append(',').append(1200 + 37 * n++)
                        .append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"befolkning-eksempel.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String page(Form form, Map<String, String> errors, List<LineRow> lines, Model model) {
        model.addAttribute("years", admin.years());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lines", lines);
        model.addAttribute("maxKb", PopulationAdmin.MAX_BYTES / 1024);
        return "admin/population";
    }

    static Integer year(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{4}")) {
            throw new FieldProblemException("year", "admin.population.error.year");
        }
        return Integer.valueOf(typed.strip());
    }

    /** The upload's bytes; a file over the limit is refused before it is read. */
    static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > PopulationAdmin.MAX_BYTES) {
            throw new FieldProblemException("file", "admin.population.error.fileSize");
        }
        return file.getBytes();
    }
}
