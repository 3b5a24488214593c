/**
 * The manager dashboard (issue 11): case flow, lead times, deadlines, workload, funding, outcomes and who engages,
 * read from our own tables (the case rows and the case timeline, or projections kept from the case events), never
 * from Camunda's history tables.
 *
 * <p>Each part of the dashboard is a {@link dk.initiativ.dashboard.DashboardSection}: it answers a
 * {@link dk.initiativ.dashboard.DashboardScope} (the filters after the access rules) with one or more
 * {@link dk.initiativ.dashboard.DashboardTable}s. The page, the charts and the CSV export render every table the
 * same way, so that what is downloaded is exactly what is on screen.
 */
package dk.initiativ.dashboard;
