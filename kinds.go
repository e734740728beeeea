package arnews

import (
	"fmt"
	"slices"
)

// EntityKind is the kind of an [Entity] or of a [GazetteerEntry]. Its
// text form (in JSON) is the value of the constant.
type EntityKind string

// The entity kinds.
const (
	KindCountry      EntityKind = "country"
	KindCity         EntityKind = "city"
	KindRegion       EntityKind = "region" // a province, region or area that is no country or city, or a place the tagger finds that the gazetteer lacks
	KindOrganization EntityKind = "organization"
	KindPerson       EntityKind = "person"
	// KindDemonym is only a kind of GazetteerEntry: a demonym (قطري) gives
	// the Country of the noun it follows and names no entity.
	KindDemonym EntityKind = "demonym"
)

// entityKindNames are the valid entity kinds.
var entityKindNames = []EntityKind{KindCountry, KindCity, KindRegion, KindOrganization, KindPerson, KindDemonym}

// MarshalText implements encoding.TextMarshaler; it fails on a kind that
// is none of the constants.
func (k EntityKind) MarshalText() ([]byte, error) {
	if !slices.Contains(entityKindNames, k) {
		return nil, fmt.Errorf("arnews: unknown entity kind %q", string(k))
	}
	return []byte(k), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the values
// of the constants.
func (k *EntityKind) UnmarshalText(b []byte) error {
	if !slices.Contains(entityKindNames, EntityKind(b)) {
		return fmt.Errorf("arnews: unknown entity kind %q (want one of %v)", b, entityKindNames)
	}
	*k = EntityKind(b)
	return nil
}

// AgreementKind is the kind of instrument an [Agreement] is. Its text form
// (in JSON) is the value of the constant.
type AgreementKind string

// The instrument kinds, with the nouns that name them.
const (
	InstrumentAgreement   AgreementKind = "agreement"   // اتفاق، اتفاقية
	InstrumentTreaty      AgreementKind = "treaty"      // معاهدة
	InstrumentMemorandum  AgreementKind = "memorandum"  // مذكرة تفاهم
	InstrumentArrangement AgreementKind = "arrangement" // ترتيب، ترتيبات
	InstrumentProtocol    AgreementKind = "protocol"    // بروتوكول
	InstrumentCharter     AgreementKind = "charter"     // ميثاق
	InstrumentDeclaration AgreementKind = "declaration" // إعلان
	InstrumentDeal        AgreementKind = "deal"        // صفقة
	InstrumentContract    AgreementKind = "contract"    // عقد
	InstrumentPartnership AgreementKind = "partnership" // شراكة
)

// agreementKindNames are the valid instrument kinds.
var agreementKindNames = []AgreementKind{InstrumentAgreement, InstrumentTreaty, InstrumentMemorandum,
	InstrumentArrangement, InstrumentProtocol, InstrumentCharter, InstrumentDeclaration, InstrumentDeal,
	InstrumentContract, InstrumentPartnership}

// MarshalText implements encoding.TextMarshaler; it fails on a kind that
// is none of the constants.
func (k AgreementKind) MarshalText() ([]byte, error) {
	if !slices.Contains(agreementKindNames, k) {
		return nil, fmt.Errorf("arnews: unknown agreement kind %q", string(k))
	}
	return []byte(k), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the values
// of the constants.
func (k *AgreementKind) UnmarshalText(b []byte) error {
	if !slices.Contains(agreementKindNames, AgreementKind(b)) {
		return fmt.Errorf("arnews: unknown agreement kind %q (want one of %v)", b, agreementKindNames)
	}
	*k = AgreementKind(b)
	return nil
}

// Status is what a text reports about an [Agreement]. Its text form (in
// JSON) is the value of the constant.
type Status string

// The statuses, from the weakest report to the strongest: a stronger
// report of the same instrument replaces a weaker one.
const (
	// StatusMentioned: named with no event: a signing that is negated,
	// refused or dated more than 90 days before the publication date, or
	// an instrument that is rejected, suspended or withdrawn from.
	StatusMentioned Status = "mentioned"
	// StatusNegotiating: talks, or a signing announced for the future.
	StatusNegotiating Status = "negotiating"
	// StatusSigned: signed or reached.
	StatusSigned Status = "signed"
	// StatusApproved: ratified or approved by a parliament or cabinet.
	StatusApproved Status = "approved"
	// StatusInForce: entered into force.
	StatusInForce Status = "in_force"
)

// statusNames are the valid statuses, weakest first.
var statusNames = []Status{StatusMentioned, StatusNegotiating, StatusSigned, StatusApproved, StatusInForce}

// MarshalText implements encoding.TextMarshaler; it fails on a status that
// is none of the constants.
func (s Status) MarshalText() ([]byte, error) {
	if !slices.Contains(statusNames, s) {
		return nil, fmt.Errorf("arnews: unknown status %q", string(s))
	}
	return []byte(s), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the values
// of the constants.
func (s *Status) UnmarshalText(b []byte) error {
	if !slices.Contains(statusNames, Status(b)) {
		return fmt.Errorf("arnews: unknown status %q (want one of %v)", b, statusNames)
	}
	*s = Status(b)
	return nil
}

// rank orders statuses: a stronger report replaces a weaker one. An empty
// status ranks lowest.
func rank(s Status) int {
	return slices.Index(statusNames, s) + 1
}
