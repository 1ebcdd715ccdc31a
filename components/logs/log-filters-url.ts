// The logs' filters in a page URL. The codec lives beside the filter schema, since the CSV
// export route reads the same parameters on the server.
export { logFiltersFromSearch, logFiltersToSearch, NO_LOG_FILTERS, parseDate } from "@/server/console/schemas/log-filters-url";
