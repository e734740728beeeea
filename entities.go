package arnews

// Entity is a party named in a text: a country, city, organisation or
// person, with every mention of it.
type Entity struct {
	// ID identifies the entity: the ISO 3166-1 alpha-2 code for a country
	// (QA), and the gazetteer key for other entities.
	ID string `json:"id"`
	// Kind is "country", "city", "organization" or "person".
	Kind string `json:"kind"`
	// Name is the canonical Arabic name.
	Name string `json:"name"`
	// Country is the ISO code of the state the entity belongs to or speaks
	// for, when known.
	Country string `json:"country,omitempty"`
	// Title is a person's title or office (وزير الخارجية).
	Title string `json:"title,omitempty"`
	// Mentions are the places the entity is named, in text order.
	Mentions []Mention `json:"mentions"`
}

// GazetteerEntry is an entry a user adds to the gazetteer with
// [WithEntries].
type GazetteerEntry struct {
	ID      string   // the entity's ID; an existing ID adds names to it
	Kind    string   // "country", "city" or "organization"
	Name    string   // canonical Arabic name
	Country string   // ISO code of its state, if any
	Names   []string // other surface forms
}

// gazetteer is the compiled lexicon of named entities.
type gazetteer struct{}

func newGazetteer(extra []GazetteerEntry) *gazetteer { return &gazetteer{} }

func builtinGazetteer() *gazetteer { return &gazetteer{} }

// findEntities finds the entities of t.
// TODO(parties issue): not written yet; returns no entities.
func findEntities(t *text, g *gazetteer) []Entity { return nil }
