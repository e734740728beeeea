package arnews

// Agreement is an agreement, treaty, memorandum or similar instrument that
// a text reports.
type Agreement struct {
	Kind string `json:"kind"`
}

// findAgreements finds the agreements of t among the dates and entities
// already in doc.
// TODO(agreements issue): not written yet; returns no agreements.
func findAgreements(t *text, doc *Document) []Agreement { return nil }
