/** The GraphQL operations the HTTP scenarios send (and the floor reproduces by hand). */

/** (a) One pledge by its global ID. */
export const NODE_QUERY = `query Node($id: ID!) {
  node(id: $id) { id ... on Pledge { title status year category targetQuantity targetUnit dueOn } }
}`;

/**
 * (b) A page of cells, each with its directing members, their positions and the cell's pledges of the year: the
 * shape of server/src/performance/sql-statements.test.ts.
 */
export const PAGE_OF_CELLS_QUERY = `query PageOfCells($root: String!, $first: Int!, $year: Int!) {
  orgUnit(code: $root) {
    descendants(levels: [CELL], first: $first) {
      edges { cursor node {
        id code name
        assignments(year: $year) {
          scope
          member { fullName positions { role title unit { name } term { code } } }
          directive { number }
        }
        pledges(year: $year) { title status targetQuantity }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * (c) The city's dashboard aggregate over HTTP: the figures of the live dashboard (pledges by status, confirmation
 * rate, NTM, visit compliance of a month).
 */
export const SUMMARY_QUERY = `query CityDashboard($root: String!, $year: Int!, $month: Int!) {
  unitSummary(unit: { code: $root }, year: $year) {
    pledgesByStatus { status count }
    pledgeCount
    confirmationRate
    ntm { communeCount communesRecognised ruralDistrictCount districtsRecognised averageCriteriaMet
          communesByCriteriaMet { criteriaMet communes } }
  }
  visitComplianceTotals(under: { code: $root }, year: $year, month: $month) { assessed compliant belowMinimum }
}`;

/** (c′) and (d): the same without visit compliance, i.e. only what `unitSummary` reads from the subtree counters. */
export const SUMMARY_COUNTERS_QUERY = `query CitySummary($root: String!, $year: Int!) {
  unitSummary(unit: { code: $root }, year: $year) {
    pledgesByStatus { status count }
    pledgeCount
    confirmationRate
    ntm { communeCount communesRecognised ruralDistrictCount districtsRecognised averageCriteriaMet
          communesByCriteriaMet { criteriaMet communes } }
  }
}`;

/** The live dashboard the fan-out clients subscribe to (the fields the web client's live page takes). */
export const DASHBOARD_SUBSCRIPTION = `subscription Dashboard($unit: String!, $year: Int!) {
  dashboard(unit: { code: $unit }, year: $year) {
    unit { code name } year month lastEventId computedAt
    confirmedCount pledgeCount confirmationRate pledgesByStatus { status count }
    visitCompliance { assessed compliant belowMinimum }
    ntm { communeCount communesRecognised ruralDistrictCount districtsRecognised averageCriteriaMet }
    openConcerns
  }
}`;
