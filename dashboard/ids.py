"""Every component id of the dashboard, in one place (layout and callbacks import these)."""

URL = "url"
PAGE = "page-content"
NAV = "nav"
BANNER = "banner"
NAVIGATE = "navigate-sink"  # dummy output of the clientside click-to-source callback

# overview
PAIR = "pair-select"
STACK = "stack-graph"
STACK_NOTES = "stack-notes"
STACK_SUMMARY = "stack-summary"
STACK_MARKS = "stack-marks"
TIMELINE = "timeline-graph"
TIMELINE_MARKS = "timeline-marks"

# claims explorer
CLAIMS_TABLE = "claims-table"
CLAIMS_COUNT = "claims-count"
CLAIMS_SEARCH = "claims-search"
CLAIMS_RESET = "claims-reset"
CLAIMS_SHARE = "claims-share"
CLAIM_FILTER = {  # claims column -> dropdown id
    "kind": "claims-filter-kind",
    "measure": "claims-filter-measure",
    "imposer": "claims-filter-imposer",
    "target": "claims-filter-target",
    "status": "claims-filter-status",
    "source_id": "claims-filter-source",
}

# facts
FACTS_TYPE = "facts-type"
FACTS_CONFLICT = "facts-conflict"
FACTS_SEARCH = "facts-search"
FACTS_LIST = "facts-list"
FACTS_PAGE = "facts-page"
FACTS_PREV = "facts-prev"
FACTS_NEXT = "facts-next"
FACTS_PAGER = "facts-pager"
