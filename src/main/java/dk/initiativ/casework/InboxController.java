package dk.initiativ.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import dk.initiativ.catalog.CatalogService;
import dk.initiativ.initiative.Stage;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.NotAccessLogged;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff inbox page, {@code GET /indbakke}: the user's views with their counts, one view's page with its
 * filters, search, order and paging. The whole state is in the URL (a GET form), so that a link, a bookmark and
 * Back from a case page return to the same view; each case link carries that URL as {@code fra}. A value the page
 * does not know (a made-up stage, page or view) is ignored, not refused.
 */
@Controller
@HtmlPage
class InboxController {

    static final String PATH = "/indbakke";
    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

    private final Inbox inbox;
    private final CatalogService catalog;
    private final StaffTasks tasks;
    private final AccessLog accessLog;

    InboxController(Inbox inbox, CatalogService catalog, StaffTasks tasks, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.inbox = inbox;
        this.catalog = catalog;
        this.tasks = tasks;
    }

    /**
     * Takes a task from a group's queue ("Tag opgaven"): it becomes the user's, and the user returns to the same
     * inbox view with a confirmation. Someone else's claim first answers 409, a task the user may not work 403.
     */
    @PostMapping(PATH + "/tag")
    @NotAccessLogged("takes a task and redirects; shows nothing")
    String claim(@RequestParam(name = "opgave") String taskId,
            @RequestParam(name = "tilbage", required = false) String back, Authentication authentication,
            RedirectAttributes redirect) {
        tasks.claim(taskId, StaffUser.of(authentication));
        redirect.addFlashAttribute("notice", "inbox.claimed");
        return "redirect:" + inboxUrlOr(back);
    }

    /**
     * The given URL when it is an inbox URL of ours (relative, {@code /indbakke...}, no control characters), else
     * the inbox: never a redirect to another site.
     */
    static String inboxUrlOr(String url) {
        boolean inbox = url != null && (url.equals(PATH) || url.startsWith(PATH + "?")) && url.length() <= 2000
                && url.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return inbox ? url : PATH;
    }

    /**
     * One inbox view. Its rows show citizens' names: one access record per case shown (kind search, the row's task
     * as purpose), written before the page renders (ADR 0028).
     */
    @GetMapping(PATH)
    @Transactional
    @AccessLogged(AccessKind.SEARCH)
    String inbox(@RequestParam(name = "visning", required = false) String view,
            @RequestParam(name = "fase", required = false) String stage,
            @RequestParam(name = "emne", required = false) String topic,
            @RequestParam(name = "bydel", required = false) String district,
            @RequestParam(name = "frist", required = false) String due,
            @RequestParam(name = "ulaeste", required = false) String unread,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "sortering", required = false) String sort,
            @RequestParam(name = "side", required = false) String page,
            @RequestParam(name = "antal", required = false) String pageSize,
            Authentication authentication, Locale locale, Model model) {
        StaffUser user = StaffUser.of(authentication);
        List<InboxView> views = inbox.viewsOf(user);
        if (views.isEmpty()) {
            throw new ForbiddenException(user.userId() + " has no inbox");
        }
        InboxView chosen = InboxView.ofParam(view).filter(views::contains).orElse(views.get(0));
        int size = number(pageSize).filter(PAGE_SIZES::contains).orElse(InboxQuery.DEFAULT_PAGE_SIZE);
        InboxQuery query = new InboxQuery(chosen, stage(stage), topic, district, InboxDue.ofParam(due).orElse(null),
                "true".equals(unread), search, InboxSort.ofParam(sort).orElse(InboxSort.DEADLINE),
                number(page).orElse(1), size);
        InboxPage result = inbox.page(user, query);
        accessLog.listed(result.rows().stream().map(row -> new AccessLog.Listed(row.caseNumber(), row.taskKey(),
                row.contactPerson())).toList(), AccessKind.SEARCH, url(query));

        Map<InboxView, String> viewUrls = new LinkedHashMap<>();
        views.forEach(each -> viewUrls.put(each, url(InboxQuery.of(each))));
        model.addAttribute("views", views);
        model.addAttribute("viewUrls", viewUrls);
        model.addAttribute("counts", inbox.counts(user));
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("teamView", chosen == InboxView.TEAM_CASES);
        model.addAttribute("claimable", chosen == InboxView.GROUP_TASKS);
        model.addAttribute("currentUrl", url(query));
        model.addAttribute("previousUrl", result.hasPrevious() ? url(query.withPage(query.page() - 1)) : null);
        model.addAttribute("nextUrl", result.hasNext() ? url(query.withPage(query.page() + 1)) : null);
        model.addAttribute("filtered", query.stage() != null || query.topic() != null || query.district() != null
                || query.due() != null || query.unreadOnly() || query.search() != null);
        model.addAttribute("stages", Arrays.stream(Stage.values()).filter(each -> each != Stage.CLOSED).toList());
        model.addAttribute("dues", InboxDue.values());
        model.addAttribute("sorts", InboxSort.values());
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("topics", catalog.activeTopics(locale));
        model.addAttribute("districts", catalog.activeDistricts(locale));
        model.addAttribute("topicNames", catalog.topicNames(locale));
        model.addAttribute("districtNames", catalog.districtNames(locale));
        return "staff/inbox";
    }

    /** The inbox URL of a view state: the view always, every other parameter only when it differs from the default. */
    static String url(InboxQuery query) {
        StringJoiner params = new StringJoiner("&", PATH + "?", "");
        params.add("visning=" + query.view().param());
        add(params, "fase", query.stage() == null ? null : query.stage().name().toLowerCase(Locale.ROOT));
        add(params, "emne", query.topic());
        add(params, "bydel", query.district());
        add(params, "frist", query.due() == null ? null : query.due().param());
        add(params, "ulaeste", query.unreadOnly() ? "true" : null);
        add(params, "q", query.search());
        add(params, "sortering", query.sort() == InboxSort.DEADLINE ? null : query.sort().param());
        add(params, "antal", query.pageSize() == InboxQuery.DEFAULT_PAGE_SIZE ? null : String.valueOf(query.pageSize()));
        add(params, "side", query.page() == 1 ? null : String.valueOf(query.page()));
        return params.toString();
    }

    private static void add(StringJoiner params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static Stage stage(String value) {
        return Arrays.stream(Stage.values()).filter(stage -> stage != Stage.CLOSED)
                .filter(stage -> stage.name().equalsIgnoreCase(value)).findFirst().orElse(null);
    }

    private static Optional<Integer> number(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }
}
