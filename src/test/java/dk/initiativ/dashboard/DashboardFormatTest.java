package dk.initiativ.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.initiativ.dashboard.DashboardTable.Amount;
import dk.initiativ.dashboard.DashboardTable.CaseLink;
import dk.initiativ.dashboard.DashboardTable.Chart;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Rate;
import dk.initiativ.dashboard.DashboardTable.Score;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.dashboard.DashboardTable.WorkingDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one cell formatter, the CSV writer and the SVG charts, without the application. */
class DashboardFormatTest {

    private static final Locale DA = Locale.forLanguageTag("da");
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void eachKindOfCellReadsAsADaneOrAnEnglishReaderExpects() {
        DashboardFormat da = new DashboardFormat(DA);
        DashboardFormat en = new DashboardFormat(EN);
        assertThat(da.text(new Count(1234))).isEqualTo("1.234");
        assertThat(en.text(new Count(1234))).isEqualTo("1,234");
        assertThat(da.text(new Suppressed())).isEqualTo("< 5");
        assertThat(da.text(new WorkingDays(2.25))).isEqualTo("2,3");
        assertThat(en.text(new WorkingDays(2.25))).isEqualTo("2.3");
        assertThat(da.text(new Amount(new BigDecimal("25000")))).isEqualTo("25.000 kr.");
        assertThat(en.text(new Amount(new BigDecimal("25000")))).isEqualTo("DKK 25,000");
        assertThat(da.text(new Share(2.0 / 3))).isEqualTo("66,7 %");
        assertThat(en.text(new Share(2.0 / 3))).isEqualTo("66.7%");
        assertThat(da.text(new Rate(12.34))).isEqualTo("12,3");
        assertThat(da.text(new Score(0.456))).isEqualTo("0,46");
        assertThat(da.text(new CaseLink("INI-2026-00001"))).isEqualTo("INI-2026-00001");
        assertThat(da.text(new Empty())).isEqualTo("–");
    }

    @Test
    void theCsvHasABomTheLanguagesSeparatorQuotingAndNoFormulas() {
        DashboardTable table = new DashboardTable("t", "title", "definition",
                List.of(new Column("a"), new Column("b")),
                List.of(List.of(new Text("Natur; kultur \"og\" fritid"), new WorkingDays(1.5)),
                        List.of(new Text("=HYPERLINK(1)"), new Count(3))),
                Optional.empty());
        byte[] da = DashboardCsv.write(table, key -> key.toUpperCase(Locale.ROOT), DA);
        assertThat(da[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(da, 3, da.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("A;B\r\n\"Natur; kultur \"\"og\"\" fritid\";1,5\r\n'=HYPERLINK(1);3\r\n");
        byte[] en = DashboardCsv.write(table, key -> key, EN);
        assertThat(new String(en, 3, en.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("a,b\r\n\"Natur; kultur \"\"og\"\" fritid\",1.5\r\n'=HYPERLINK(1),3\r\n");
    }

    @Test
    void aChartIsAnImageWithItsFiguresAsTextAndEscapesLabels() {
        DashboardTable table = new DashboardTable("flow", "title", "definition",
                List.of(new Column("a"), new Column("b"), new Column("c")),
                List.of(List.of(new Text("<Uge 1>"), new Count(3), new Count(1)),
                        List.of(new Text("Uge 2"), new Count(0), new Empty())),
                Optional.of(new Chart(Chart.Kind.LINE, 0, List.of(1, 2))));
        String svg = DashboardCharts.svg(table, "Flow", List.of("Nye", "Lukkede"), "Diagram: Flow.", DA);
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-labelledby=\"chart-flow-title chart-flow-desc\"",
                "<title id=\"chart-flow-title\">Flow</title>", "&lt;Uge 1&gt;: Nye 3, Lukkede 1;", "Uge 2: Nye 0, Lukkede –;",
                "stroke-dasharray").doesNotContain("<Uge", "style=");
        String bars = DashboardCharts.svg(new DashboardTable("b", "t", "d", table.columns(), table.rows(),
                Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(1, 2)))), "Bars", List.of("Nye", "Lukkede"), "D.", DA);
        assertThat(bars).contains("url(#chart-b-p1)", ">3</text>");
        assertThat(DashboardCharts.niceMax(0)).isEqualTo(4);
        assertThat(DashboardCharts.niceMax(13)).isEqualTo(20);
        assertThat(DashboardCharts.niceMax(100)).isEqualTo(100);
    }
}
