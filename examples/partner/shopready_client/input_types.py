from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel, Upload
from .enums import (
    AlertFrequency,
    ApplicationStatus,
    AppScope,
    Audience,
    Availability,
    Benefit,
    BulkImportKind,
    DonationStatus,
    EmailFrequency,
    EventType,
    FulfillmentMethod,
    ItemCondition,
    ListingStatus,
    MembershipRole,
    NeedPriority,
    NeedStatus,
    NotificationKind,
    OrganizationKind,
    PayBasis,
    PayUnit,
    PlanStepKind,
    Program,
    ReceiptRole,
    RoleType,
    SafetyTraining,
    ScholarshipKind,
    SchoolTier,
    ServiceOfferStatus,
    TaskKind,
    TaxStatus,
    TechnicianRole,
)


class AccountDeleteInput(BaseModel):
    """Confirmation that you want your account deleted."""

    password: str
    "Your password (INVALID_CREDENTIALS otherwise)."


class AllocationApplyInput(BaseModel):
    """What to carry out: a stored plan, or pairs chosen by hand (exactly one of the two)."""

    plan_id: Optional[str] = Field(alias="planId", default=None)
    "A SavedAllocationPlan not yet applied (PLAN_ALREADY_APPLIED otherwise)."
    pairs: Optional[list["AllocationPairInput"]] = None
    "1 to 500 pairs, each need and listing pair once; kept as a plan of its own."


class AllocationPairInput(BaseModel):
    """Units of one listing a coordinator chose for one need."""

    need_id: str = Field(alias="needId")
    "The open Need to serve."
    listing_id: str = Field(alias="listingId")
    "The available Listing to serve it from."
    quantity: int
    "Units, at least 1."


class AllocationPlanCreateInput(BaseModel):
    """Where to plan: a category's open needs within a circle."""

    category_id: str = Field(alias="categoryId")
    "The category whose open needs to serve; needs in its sub-categories are included."
    near: "NearInput"
    "The region: needs of schools within this circle. The listings offered to them may lie outside it, as far as each need's matching reaches."


class AllocationPlanInput(BaseModel):
    """Open needs of a category (sub-categories included) within a circle."""

    category_id: str = Field(alias="categoryId")
    "The category whose open needs to serve; needs in its sub-categories are included."
    near: "NearInput"
    "The region: needs of schools within this circle. The listings offered to them may lie outside it, as far as each need's matching reaches."


class AppTokenCreateInput(BaseModel):
    """A new partner app token."""

    organization_id: str = Field(alias="organizationId")
    "The organization the app will act for; you must be its owner or admin."
    name: str
    "What the token is for, up to 100 characters."
    scopes: list[AppScope]
    "What the token may do; at least one, each allowed for the organization's kinds (see `AppScope`; INVALID_SCOPE otherwise). Duplicates are ignored."
    expires_at: Optional[Any] = Field(alias="expiresAt", default=None)
    "When the token stops working, in the future (OUT_OF_RANGE otherwise); null: never."


class AppTokenRevokeInput(BaseModel):
    """A partner app token to revoke."""

    id: str
    "The token's ID. NOT_FOUND unless you are an owner or admin of its organization; INVALID_TRANSITION when it is revoked already."


class AppTokenRotateInput(BaseModel):
    """A partner app token to replace by a new secret."""

    id: str
    "The token's ID. NOT_FOUND unless you are an owner or admin of its organization; INVALID_TRANSITION when it is revoked already."
    expires_at: Optional[Any] = Field(alias="expiresAt", default=None)
    "When the new token stops working, in the future; null: never. Omitted: the old token's expiry."


class ApplicationCreateInput(BaseModel):
    """An application to an open posting."""

    job_posting_id: str = Field(alias="jobPostingId")
    "The posting to apply to; it must be open."
    message: Optional[str] = None
    "A message to the employer, plain text, at most 5,000 characters."


class ApplicationFilter(BaseModel):
    """Which of an employer's applications to list."""

    employer_id: str = Field(alias="employerId")
    "The employer; you must act for it (NOT_FOUND else)."
    job_posting_id: Optional[str] = Field(alias="jobPostingId", default=None)
    "Only this posting's."
    status: Optional[ApplicationStatus] = None
    "Only those in this status."


class ApplicationMoveInput(BaseModel):
    """The employer's move of an application."""

    application_id: str = Field(alias="applicationId")
    "The application to move."
    status: ApplicationStatus
    "The status to move it to; `nextStatuses` lists the allowed ones (INVALID_TRANSITION else)."
    note: Optional[str] = None
    "Why, for the application's history; at most 5,000 characters."


class ApplicationWithdrawInput(BaseModel):
    """The student's withdrawal of their application."""

    application_id: str = Field(alias="applicationId")
    "Your application to withdraw."
    note: Optional[str] = None
    "Why, for the application's history; at most 5,000 characters."


class AuditEntryFilter(BaseModel):
    """Which audit entries to list; every filter given must match."""

    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Entries of this organization."
    object_id: Optional[str] = Field(alias="objectId", default=None)
    "Entries of this object (any object's global ID, e.g. a Donation's)."
    actor_id: Optional[str] = Field(alias="actorId", default=None)
    "Entries made by this person (a User's ID) or app (an AppToken's ID)."
    actions: Optional[list[str]] = None
    'Entries with one of these actions (event types), e.g. ["donation.approved"].'
    since: Optional[Any] = None
    "Entries at or after this instant."
    until: Optional[Any] = None
    "Entries before this instant."


class BulkImportCreateInput(BaseModel):
    """A CSV file of needs or listings to create for an organization, all or none."""

    organization_id: str = Field(alias="organizationId")
    "The school (NEEDS) or donor (LISTINGS); you need donations:write as an app, or membership."
    kind: BulkImportKind
    "What each row creates; names the columns expected."
    file: Upload
    "The CSV file (UTF-8, header row first), sent as a part of a multipart request (the GraphQL multipart request spec) with an Authorization header; at most 10,000 records."


class CandidateWeightsInput(BaseModel):
    """Per-feature weights in [0, 1] replacing the defaults for one query (at least one positive); only ratios matter. Omitted features keep their default."""

    distance: Optional[float] = None
    "Weight of closeness, within the pair's reach, in [0, 1]; 0.15 by default."
    skills: Optional[float] = None
    "Weight of the share of the posting's preferred skills the student has, in [0, 1]; 0.25 by default."
    credentials: Optional[float] = None
    "Weight of the share of preferred credentials valid on the start date, in [0, 1]; 0.1 by default."
    program: Optional[float] = None
    "Weight of being in one of the posting's programs (a related trade counts 0.3, another trade 0), in [0, 1]; 0.25 by default."
    availability: Optional[float] = None
    "Weight of the kinds of work the student and the posting share, in [0, 1]; 0.1 by default."
    experience: Optional[float] = None
    "Weight of the student's years of experience against the minimum asked, in [0, 1]; 0.05 by default."
    pay: Optional[float] = None
    "Weight of the posting's pay against the pay the student wants, in [0, 1]; 0.05 by default."
    start: Optional[float] = None
    "Weight of being available by the posting's start date, in [0, 1]; 0.025 by default."
    activity: Optional[float] = None
    "Weight of how recently the student was active, in [0, 1]; 0.025 by default."


class CredentialFilter(BaseModel):
    """Which catalogue credentials to list."""

    issuer: Optional[str] = None
    "ASE, ASE_ENTRY_LEVEL or I_CAR."
    search: Optional[str] = None
    "Text found in the code, name or area (case-insensitive, taken literally)."


class DateRangeInput(BaseModel):
    """A range of days; leave an end out to leave it open."""

    from_: Optional[Any] = Field(alias="from", default=None)
    "First day, inclusive."
    to: Optional[Any] = None
    "Last day, inclusive; not before `from`."


class DevelopmentPlanGenerateInput(BaseModel):
    """Whose plan to generate, and toward what."""

    technician_id: str = Field(alias="technicianId")
    "An ACTIVE Technician: yourself, one you supervise, or one of your shop's."
    role: Optional[TechnicianRole] = None
    "The role to work toward; the technician's own when omitted."
    target_level: Optional[int] = Field(alias="targetLevel", default=None)
    "The level to reach, 1-3; the next level up when omitted."


class DonationApproveInput(BaseModel):
    """The donor approves a REQUESTED donation, reserving its quantity on the listing."""

    id: str
    "The REQUESTED donation to approve; members of its donor, or the donor's app with DONATIONS_WRITE, may."
    note: Optional[str] = None
    "A note to the school, kept in `events` (up to 2,000 characters; optional)."


class DonationCancelInput(BaseModel):
    """Either side cancels a REQUESTED or APPROVED donation; a reservation is released."""

    id: str
    "The REQUESTED or APPROVED donation to cancel; members of either side, or their apps with DONATIONS_WRITE, may."
    reason: Optional[str] = None
    "Why, shown to the other side as `cancelReason` (up to 2,000 characters; optional)."


class DonationDeclineInput(BaseModel):
    """The donor declines a REQUESTED donation."""

    id: str
    "The REQUESTED donation to decline; members of its donor, or the donor's app with DONATIONS_WRITE, may."
    reason: Optional[str] = None
    "Why, shown to the school as `declineReason` (up to 2,000 characters; optional)."


class DonationFilter(BaseModel):
    """Narrows `donations`; fields left out do not filter."""

    status: Optional[list[DonationStatus]] = None
    "Any of these statuses."
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Only donations of this one of your organizations, as donor or school; another organization's ID gives an empty list."


class DonationReceiveInput(BaseModel):
    """The school confirms it received a SHIPPED donation; the donor's receipt is issued."""

    id: str
    "The SHIPPED donation the school received; members of the school, or its app with DONATIONS_WRITE, may."
    note: Optional[str] = None
    "A note to the donor, kept in `events` (up to 2,000 characters; optional)."


class DonationRequestInput(BaseModel):
    """Ask for part of a listing for one of your school's open needs."""

    listing_id: str = Field(alias="listingId")
    "The listing to request from: AVAILABLE (so not past its `availableUntil`) and not your own."
    need_id: str = Field(alias="needId")
    "Your school's OPEN need the items are for; only one open request per need and listing."
    quantity: int
    "How many items: at least 1, at most the listing's `quantityAvailable` and the need's `quantityRemaining`."
    message: Optional[str] = None
    "A note to the donor (up to 2,000 characters; optional)."
    tool_grant_application_id: Optional[str] = Field(
        alias="toolGrantApplicationId", default=None
    )
    "A student's awarded tool grant this donation delivers: requested by the student's school from a listing of the grant's sponsor; receiving it marks the award fulfilled."


class DonationShipInput(BaseModel):
    """The donor hands over an APPROVED donation: ships it or arranges pickup, delivery or tow."""

    id: str
    "The APPROVED donation to hand over; members of its donor, or the donor's app with DONATIONS_WRITE, may."
    method: FulfillmentMethod = FulfillmentMethod.SHIP
    "How the items are handed over; one of the listing's `fulfillment` methods. Default: SHIP."
    carrier: Optional[str] = None
    "The carrier, e.g. UPS; up to 100 characters, required when method is SHIP."
    tracking_number: Optional[str] = Field(alias="trackingNumber", default=None)
    "The carrier's tracking number; up to 100 characters, optional."
    arrangement: Optional[str] = None
    "Pickup, delivery or tow details for the school: place, time, contact (up to 2,000 characters; optional)."


class DonationThankYouInput(BaseModel):
    """A thank-you note for a received donation."""

    donation_id: str = Field(alias="donationId")
    "The Donation, RECEIVED; you must be a member of its school (an app: donations:write)."
    message: str
    "Your words to the donor, up to 5,000 characters."
    photos: list[Upload] = Field(default_factory=lambda: [])
    "Up to 8 JPEG, PNG or WebP images (each at most 10 MB), sent as parts of a multipart request (the GraphQL multipart request spec); checked and stripped of metadata like listing photos."


class EligibilityInput(BaseModel):
    """Who may apply; leave a rule out (or its list empty) to apply no restriction."""

    programs: list[Program] = Field(default_factory=lambda: [])
    "The student's program, any of."
    region: Optional["RegionInput"] = None
    "The student (or, without a postal code of their own, their school) within it."
    graduation_between: Optional["DateRangeInput"] = Field(
        alias="graduationBetween", default=None
    )
    "The student's graduation date within it."
    required_credentials: list[str] = Field(
        alias="requiredCredentials", default_factory=lambda: []
    )
    "Credential codes (e.g. ICAR-ACAD-CRF) the student must hold, verified."
    school_tiers: list[SchoolTier] = Field(
        alias="schoolTiers", default_factory=lambda: []
    )
    "The CREF tier of the student's school, any of."


class EmailVerificationResendInput(BaseModel):
    """An address to send a new confirmation link to."""

    email: str
    "The address the account was registered with."


class EmailVerifyInput(BaseModel):
    """A token from a confirmation mail."""

    token: str
    "The token from the mail; it works once, within 48 hours by default."


class EnrollmentCreateInput(BaseModel):
    """Enroll a student in a program."""

    program_id: str = Field(alias="programId")
    "The TrainingProgram."
    student_id: str = Field(alias="studentId")
    "The StudentProfile; you must be able to see it (your school's student, a visible profile, or one that applied to your organization)."
    enrolled_on: Optional[Any] = Field(alias="enrolledOn", default=None)
    "The day the student joined; today (UTC) if omitted, never in the future."
    mentorship_id: Optional[str] = Field(alias="mentorshipId", default=None)
    "The student's active mentorship; its mentor may then record completions."


class EnrollmentWithdrawInput(BaseModel):
    """Record that a student left a program."""

    id: str
    "The Enrollment, which must be ACTIVE."
    withdrawn_on: Optional[Any] = Field(alias="withdrawnOn", default=None)
    "The day the student left: from the enrollment date to today; today if omitted."


class InvitationAcceptInput(BaseModel):
    """The invitation to accept."""

    id: str
    "The JobInvitation's global ID."


class InvitationCreateInput(BaseModel):
    """An invitation to a student to apply to one of your postings."""

    job_posting_id: str = Field(alias="jobPostingId")
    "Your open posting."
    student_id: str = Field(alias="studentId")
    "A StudentProfile you may see (visible to employers, or released to you); NOT_FOUND otherwise."
    message: Optional[str] = None
    "A message to the student, plain text, at most 5,000 characters."


class InvitationDeclineInput(BaseModel):
    """The invitation to decline."""

    id: str
    "The JobInvitation's global ID."


class JobPostingCloseInput(BaseModel):
    """The posting to close."""

    id: str
    "The JobPosting's global ID."


class JobPostingCreateInput(BaseModel):
    """A new job posting. Pay is required: every posting shows its range."""

    employer_id: str = Field(alias="employerId")
    "The employer posting it; you must be its member (or its app with talent:write)."
    title: str
    "The job's title, at most 200 characters."
    role_type: RoleType = Field(alias="roleType")
    "The kind of role."
    pay: Optional["PayRangeInput"] = None
    "The pay range; required (PAY_REQUIRED when missing)."
    programs: Optional[list[Program]] = None
    "The programs or trades it suits."
    description: Optional[str] = None
    "Plain text, at most 10,000 characters."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The workplace's US ZIP code; the employer's address when omitted."
    required_credentials: Optional[list[str]] = Field(
        alias="requiredCredentials", default=None
    )
    "Codes of credentials applicants must hold (UNKNOWN_CREDENTIAL for others)."
    preferred_skills: Optional[list[str]] = Field(alias="preferredSkills", default=None)
    "Free text; matched to canonical skills, the rest kept as given and reported in `skillSuggestions`."
    benefits: Optional[list[Benefit]] = None
    "The benefits offered."
    openings: int = 1
    "How many people you will hire for it, 1-1,000."
    closes_on: Optional[Any] = Field(alias="closesOn", default=None)
    "The last day it takes applications, not in the past; open-ended if omitted."


class JobPostingFilter(BaseModel):
    """Which open postings to list; every criterion given must hold."""

    near: Optional["NearInput"] = None
    "Postings within this circle; fills `distanceKm` and orders nearest first."
    role_type: Optional[list[RoleType]] = Field(alias="roleType", default=None)
    "Postings of any of these roles."
    program: Optional[Program] = None
    "Postings suiting this program."
    pay_at_least: Optional["PayAmountInput"] = Field(alias="payAtLeast", default=None)
    "Postings whose range reaches at least this amount (compared per hour)."
    credential: Optional[str] = None
    "Postings requiring this credential code."
    benefits: Optional[list[Benefit]] = None
    "Postings offering all of these."
    search: Optional[str] = None
    "Text found in the title or description (case-insensitive, taken literally)."
    employer_id: Optional[str] = Field(alias="employerId", default=None)
    "One employer's postings."


class JobPostingUpdateInput(BaseModel):
    """A change to a job posting: only the fields given change (null clears an optional one)."""

    id: str
    "The posting to change; it must be open or filled."
    title: Optional[str] = None
    "The job's title."
    role_type: Optional[RoleType] = Field(alias="roleType", default=None)
    "The kind of role."
    pay: Optional["PayRangeInput"] = None
    "The whole new pay range; cannot be cleared."
    programs: Optional[list[Program]] = None
    "The programs it suits; replaces the list."
    description: Optional[str] = None
    "Plain text."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The workplace's US ZIP code."
    required_credentials: Optional[list[str]] = Field(
        alias="requiredCredentials", default=None
    )
    "Credential codes applicants must hold; replaces the list."
    preferred_skills: Optional[list[str]] = Field(alias="preferredSkills", default=None)
    "Free text, normalized as on create; replaces the list."
    benefits: Optional[list[Benefit]] = None
    "The benefits offered; replaces the list."
    openings: Optional[int] = None
    "1-1,000 and never below the hires made (OPENINGS_BELOW_HIRES); more than the hires reopens a filled posting."
    closes_on: Optional[Any] = Field(alias="closesOn", default=None)
    "The last day it takes applications; null for open-ended."


class ListingCreateInput(BaseModel):
    """A new listing for one of your donor organizations."""

    donor_id: str = Field(alias="donorId")
    "The donor offering; you must be a member (its app needs DONATIONS_WRITE), and it must be a donor."
    category_id: str = Field(alias="categoryId")
    "What kind of equipment or material (see `categories`)."
    title: str
    "A short name of the items, up to 200 characters."
    condition: ItemCondition
    "The items' condition."
    quantity: int
    "How many items in all, 1 to 100,000."
    unit_value: "MoneyInput" = Field(alias="unitValue")
    "The declared value of one item, 0 to 1,000,000,000 cents, with a 3-letter ISO currency; it goes on receipts."
    fulfillment: list[FulfillmentMethod]
    "How you can hand the items over; at least one."
    description: Optional[str] = None
    "Details for schools, up to 5,000 characters. Optional."
    private_notes: Optional[str] = Field(alias="privateNotes", default=None)
    "Notes for the receiving school only (dock, contact...), up to 5,000 characters; see `Listing.privateNotes`. Optional."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The US ZIP code where the items are. Default: the donor's, when no coordinates are given either."
    latitude: Optional[float] = None
    "Where the items are, instead of a ZIP code: -90 to 90, given with longitude. Optional."
    longitude: Optional[float] = None
    "Where the items are, instead of a ZIP code: -180 to 180, given with latitude. Optional."
    available_until: Optional[Any] = Field(alias="availableUntil", default=None)
    "After this moment (in the future) the listing is EXPIRED and takes no requests. Optional: no end."


class ListingFilter(BaseModel):
    """Narrows `listings`; fields left out do not filter."""

    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "Includes sub-categories."
    donor_id: Optional[str] = Field(alias="donorId", default=None)
    "Only this donor's listings."
    near: Optional["NearInput"] = None
    "Only listings within this circle; sets each listing's `distanceKm`."
    condition: Optional[ItemCondition] = None
    "At least this good."
    fulfillment: Optional[list[FulfillmentMethod]] = None
    "Any of these."
    status: Optional[list[ListingStatus]] = None
    "Any of these statuses. Default: AVAILABLE (every status when donorId is given)."
    search: Optional[str] = None
    "Words in the title or description, literally."


class ListingPhotoAddInput(BaseModel):
    """A photo to add to a listing."""

    listing_id: str = Field(alias="listingId")
    "The Listing; you must be a member of its donor (an app: donations:write)."
    file: Upload
    "A JPEG, PNG or WebP image of at most 10 MB and 40 megapixels, sent as a part of a multipart request (the GraphQL multipart request spec) with an Authorization header."
    caption: Optional[str] = None
    "What it shows, up to 300 characters."


class ListingPhotoRemoveInput(BaseModel):
    """A listing's photo to remove."""

    id: str
    "The Photo."


class ListingPhotosReorderInput(BaseModel):
    """A listing's photos in a new order."""

    listing_id: str = Field(alias="listingId")
    "The Listing."
    photo_ids: list[str] = Field(alias="photoIds")
    "Every photo of the listing, each once, first to last."


class ListingUpdateInput(BaseModel):
    """Changes to a listing that is not withdrawn; only the fields given are changed, null clears an optional one."""

    id: str
    "The listing; you must be a member of its donor."
    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "A new category."
    title: Optional[str] = None
    "A short name of the items, up to 200 characters."
    description: Optional[str] = None
    "Details for schools, up to 5,000 characters."
    private_notes: Optional[str] = Field(alias="privateNotes", default=None)
    "Notes for the receiving school only (dock, contact...), up to 5,000 characters; see `Listing.privateNotes`."
    condition: Optional[ItemCondition] = None
    "The items' condition."
    quantity: Optional[int] = None
    "How many items in all, 1 to 100,000. Not below what is reserved plus donated."
    unit_value: Optional["MoneyInput"] = Field(alias="unitValue", default=None)
    "The declared value of one item, 0 to 1,000,000,000 cents, with a 3-letter ISO currency; it goes on receipts. Receipts already issued keep the old value."
    fulfillment: Optional[list[FulfillmentMethod]] = None
    "How you can hand the items over; at least one."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The US ZIP code where the items are. Giving any of postalCode, latitude, longitude replaces the place; all null clears it."
    latitude: Optional[float] = None
    "Where the items are, instead of a ZIP code: -90 to 90, given with longitude."
    longitude: Optional[float] = None
    "Where the items are, instead of a ZIP code: -180 to 180, given with latitude."
    available_until: Optional[Any] = Field(alias="availableUntil", default=None)
    "After this moment (in the future) the listing is EXPIRED and takes no requests. Null: no end."


class ListingWithdrawInput(BaseModel):
    """Withdraw a listing with nothing reserved; requests still waiting are declined."""

    id: str
    "The listing; you must be a member of its donor. Refused with HAS_RESERVATIONS while approved or shipped donations hold part of it."
    reason: Optional[str] = None
    "Why, given to the schools whose waiting requests are declined as their `declineReason`. Default: 'The listing was withdrawn.'"


class MentorFilter(BaseModel):
    """Which mentors to list; every criterion given must hold."""

    near: Optional["NearInput"] = None
    "Mentors within this circle, nearest first (else most experienced first)."
    specialty: Optional[str] = None
    "Free text matched to a canonical skill; no mentors when it matches none."
    remote_ok: Optional[bool] = Field(alias="remoteOk", default=None)
    "Only mentors who do (or do not) mentor remotely."
    has_open_places: bool = Field(alias="hasOpenPlaces", default=False)
    "Only mentors with an open place now."


class MentorProfileUpsertInput(BaseModel):
    """Your mentor profile's fields: only the fields given are changed; a first call creates the profile."""

    specialties: Optional[list[str]] = None
    "Free text; matched to canonical skills, the rest kept as given and reported in `skillSuggestions`. Replaces the list."
    credentials: Optional[list[str]] = None
    "Codes of credentials you hold; replaces the list."
    years_experience: Optional[int] = Field(alias="yearsExperience", default=None)
    "Years in the trade, 0-70."
    capacity: Optional[int] = None
    "Most active mentees at once (0-50); never below those active now (CAPACITY_BELOW_ACTIVE)."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The US ZIP code you work from."
    remote_ok: Optional[bool] = Field(alias="remoteOk", default=None)
    "Whether you mentor remotely too."
    headline: Optional[str] = None
    "One line, at most 200 characters."


class MentorshipAcceptInput(BaseModel):
    """The mentorship request to accept."""

    id: str
    "The Mentorship's global ID."


class MentorshipDeclineInput(BaseModel):
    """The mentorship request to decline."""

    id: str
    "The Mentorship's global ID."


class MentorshipEndInput(BaseModel):
    """The mentorship to end, or the request to cancel."""

    id: str
    "The Mentorship's global ID."


class MentorshipRequestInput(BaseModel):
    """A request to a mentor."""

    mentor_id: str = Field(alias="mentorId")
    "The MentorProfile to ask; it needs an open place."
    message: Optional[str] = None
    "A message to the mentor, plain text."


class MessageReportInput(BaseModel):
    """A message to report to staff."""

    message_id: str = Field(alias="messageId")
    "A Message someone else sent in a conversation of yours; NOT_FOUND otherwise."
    reason: str
    "What is wrong with it, 1 to 1,000 characters."


class MessageSendInput(BaseModel):
    """A message to the other side of a donation, application, invitation or mentorship."""

    subject_id: str = Field(alias="subjectId")
    "A Donation, Application, JobInvitation or Mentorship you are a party to; NOT_FOUND otherwise. The first message opens its conversation."
    body: str
    "Plain text, 1 to 4,000 characters; stored as written, never rendered as HTML unsanitized."


class ModuleCompletionRecordInput(BaseModel):
    """A module a student completed."""

    enrollment_id: str = Field(alias="enrollmentId")
    "The student's ACTIVE Enrollment."
    module_id: str = Field(alias="moduleId")
    "The AcademyModule; it must belong to an area the program teaches, once per enrollment."
    completed_on: Any = Field(alias="completedOn")
    "The day it was completed; not in the future."
    score: Optional[int] = None
    "The instructor's score from 0 to 100, if any."


class MoneyInput(BaseModel):
    """An amount of money in cents; currency defaults to USD."""

    amount: Any
    "In cents (the currency's smallest unit), a whole number."
    currency: str = "USD"
    "ISO 4217 code; USD unless the field says otherwise."


class NearInput(BaseModel):
    """A search circle around a US ZIP code or a point."""

    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "A 5-digit US ZIP code; its centroid is the centre. Give this or both coordinates."
    latitude: Optional[float] = None
    "Centre latitude in degrees (-90..90)."
    longitude: Optional[float] = None
    "Centre longitude in degrees (-180..180)."
    radius_km: float = Field(alias="radiusKm", default=50)
    "Radius in kilometres (great-circle), above 0."


class NeedCloseInput(BaseModel):
    """Close a need."""

    id: str
    "The need; it must not be closed, and you a member of its school."


class NeedCreateInput(BaseModel):
    """A new need for one of your schools."""

    school_id: str = Field(alias="schoolId")
    "The school asking; you must be a member (its app needs DONATIONS_WRITE)."
    category_id: str = Field(alias="categoryId")
    "What kind of equipment or service (see `categories`)."
    title: str
    "A short name of what is needed, up to 200 characters."
    quantity: int
    "How many items (or occurrences of a service) the school asks for, 1 to 100,000."
    description: Optional[str] = None
    "Details for donors, up to 5,000 characters. Optional."
    priority: NeedPriority = NeedPriority.MEDIUM
    "How urgent it is. Default: MEDIUM."
    needed_by: Optional[Any] = Field(alias="neededBy", default=None)
    "The date the school needs it by; today or later. Optional."
    minimum_condition: Optional[ItemCondition] = Field(
        alias="minimumCondition", default=None
    )
    "The worst condition the school accepts; matching never proposes listings in worse condition. Optional: any condition."
    schedule: Optional["ServiceScheduleInput"] = None
    "For a service need only (NOT_A_SERVICE otherwise): the visit's start, duration and place. Optional."


class NeedFilter(BaseModel):
    """Narrows `needs`; fields left out do not filter."""

    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "Includes sub-categories."
    school_id: Optional[str] = Field(alias="schoolId", default=None)
    "Only this school's needs."
    near: Optional["NearInput"] = None
    "Only needs within this circle; sets each need's `distanceKm`."
    status: Optional[list[NeedStatus]] = None
    "Any of these statuses. Default: OPEN (every status when schoolId is given)."
    priority: Optional[NeedPriority] = None
    "At least this urgent."
    search: Optional[str] = None
    "Words in the title or description, literally."


class NeedFulfillInput(BaseModel):
    """Mark a service need (speaker, job shadow, tour...) fulfilled."""

    id: str
    "The OPEN service need; you must be a member of its school. Item needs are fulfilled by receiving donations instead (NOT_A_SERVICE)."
    organization_id: str = Field(alias="organizationId")
    "The organization that provided the service and gets the credit in its `impact`; not the school itself."


class NeedUpdateInput(BaseModel):
    """Changes to an open need; only the fields given are changed, null clears an optional one."""

    id: str
    "The need; it must not be closed, and you a member of its school."
    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "A new category."
    title: Optional[str] = None
    "A short name of what is needed, up to 200 characters."
    description: Optional[str] = None
    "Details for donors, up to 5,000 characters."
    quantity: Optional[int] = None
    "How many items (or occurrences of a service) the school asks for, 1 to 100,000. Not below `quantityFulfilled`."
    priority: Optional[NeedPriority] = None
    "How urgent it is."
    needed_by: Optional[Any] = Field(alias="neededBy", default=None)
    "The date the school needs it by; today or later. Null: no date."
    minimum_condition: Optional[ItemCondition] = Field(
        alias="minimumCondition", default=None
    )
    "The worst condition the school accepts; matching never proposes listings in worse condition. Null: any condition."
    schedule: Optional["ServiceScheduleInput"] = None
    "For a service need only (NOT_A_SERVICE otherwise): the visit's start, duration and place. Null: no schedule."


class NeedsSummaryFilter(BaseModel):
    """Which needs `needsSummary` covers; give `near` or `state`, or neither for everywhere."""

    near: Optional["NearInput"] = None
    "Only schools within this circle."
    state: Optional[str] = None
    "Only schools in this two-letter US state (by their state or ZIP code)."
    category_id: Optional[str] = Field(alias="categoryId", default=None)
    "Only needs in this category or its sub-categories."
    since: Optional[Any] = None
    "Only needs posted from this moment; within the last 60 months. Default: the start of the month eleven months ago (twelve months of trend)."


class NotificationPreferenceInput(BaseModel):
    """One kind's email frequency."""

    kind: NotificationKind
    "The kind of notification."
    frequency: EmailFrequency
    "IMMEDIATE, DAILY, WEEKLY or OFF."


class NotificationPreferencesUpdateInput(BaseModel):
    """The kinds whose email frequency changes; the others stay as they are."""

    preferences: list["NotificationPreferenceInput"]
    "One entry per kind to change."


class NotificationsMarkReadInput(BaseModel):
    """Which notifications to mark read: `ids`, or `all: true`."""

    ids: Optional[list[str]] = None
    "Up to 100 of your notifications; leave out when `all` is true."
    all: bool = False
    "Mark every unread notification of yours read."


class OrganizationCreateInput(BaseModel):
    """A new organization; the person creating it becomes its owner."""

    name: str
    "The organization's public name, up to 200 characters."
    kinds: list[OrganizationKind]
    "What the organization does here; at least one (a shop may both donate and hire)."
    description: Optional[str] = None
    "Public text about the organization, up to 5,000 characters."
    website: Optional[str] = None
    "An http(s) address, up to 500 characters."
    street: Optional[str] = None
    "Street address, up to 200 characters."
    city: Optional[str] = None
    "City, up to 100 characters."
    state: Optional[str] = None
    "Two-letter US state code, e.g. MI."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "US ZIP code. The organization is placed at the ZIP code's centroid unless latitude and longitude are given (UNKNOWN_POSTAL_CODE when the code does not exist)."
    latitude: Optional[float] = None
    "Degrees north, -90 to 90; give it with longitude. Coordinates win over the ZIP centroid."
    longitude: Optional[float] = None
    "Degrees east, -180 to 180; give it with latitude."
    contact_email: Optional[str] = Field(alias="contactEmail", default=None)
    "Contact address, shown only to members and to the other party of a donation."
    contact_phone: Optional[str] = Field(alias="contactPhone", default=None)
    "Contact phone, up to 40 characters; shown like contactEmail."
    programs: Optional[list[Program]] = None
    "Schools only: the programs taught."
    enrollment: Optional[int] = None
    "Schools only: students enrolled, 0 to 100,000."
    accreditation: Optional[str] = None
    "Schools only: accreditation held, e.g. ASE Education Foundation, up to 200 characters."
    tier: Optional[SchoolTier] = None
    "Schools only: the CREF program tier."
    legal_name: Optional[str] = Field(alias="legalName", default=None)
    "The legal name printed on donation receipts when it differs from `name`, up to 200 characters."
    tax_id: Optional[str] = Field(alias="taxId", default=None)
    "The US employer identification number (EIN), NN-NNNNNNN (nine digits; the dash is added); printed on donation receipts. INVALID_TAX_ID otherwise."
    tax_status: Optional[TaxStatus] = Field(alias="taxStatus", default=None)
    "Why gifts to it are deductible; printed on donation receipts."
    signer_name: Optional[str] = Field(alias="signerName", default=None)
    "Who signs its donation receipts, up to 200 characters."
    signer_title: Optional[str] = Field(alias="signerTitle", default=None)
    "The signer's title, e.g. Program Director, up to 200 characters."


class OrganizationFilter(BaseModel):
    """Which organizations to browse; every condition given must hold."""

    kind: Optional[OrganizationKind] = None
    "Only organizations of this kind."
    near: Optional["NearInput"] = None
    "Only organizations located within this circle, nearest first."
    search: Optional[str] = None
    "Text the name or description contains, ignoring case; taken literally (% and _ are not wildcards)."


class OrganizationInvitationAcceptInput(BaseModel):
    """An invitation to accept."""

    organization_id: str = Field(alias="organizationId")
    "The ID of the organization that invited your account's email. NOT_FOUND when it has no pending invitation for that email."


class OrganizationMemberAddInput(BaseModel):
    """An existing account to add to an organization."""

    organization_id: str = Field(alias="organizationId")
    "The organization's ID."
    email: str
    "The account's email, in any case. NOT_FOUND when no account has confirmed it (invite the address with `organizationMemberInvite` instead); ALREADY_MEMBER when the person belongs already."
    role: MembershipRole = MembershipRole.MEMBER
    "The role to grant; MEMBER when omitted. Only owners may grant OWNER (PERMISSION_DENIED otherwise)."


class OrganizationMemberInviteInput(BaseModel):
    """An email address to invite into an organization."""

    organization_id: str = Field(alias="organizationId")
    "The organization's ID."
    email: str
    "The address to invite, in any case. Inviting it again replaces the pending invitation's role; ALREADY_MEMBER when an account with this email belongs already."
    role: MembershipRole = MembershipRole.MEMBER
    "The role to grant; MEMBER when omitted. Only owners may grant OWNER (PERMISSION_DENIED otherwise)."


class OrganizationMemberRemoveInput(BaseModel):
    """A member to remove from an organization."""

    organization_id: str = Field(alias="organizationId")
    "The organization's ID."
    user_id: str = Field(alias="userId")
    "The member's user ID; your own to leave the organization. NOT_FOUND when they are not a member; LAST_OWNER when they are its only owner."


class OrganizationRecognitionUpdateInput(BaseModel):
    """Show an organization on the public recognition wall, or take it off."""

    organization_id: str = Field(alias="organizationId")
    "The Organization; you must be an owner or admin (an app: organization:write)."
    show_on_wall: bool = Field(alias="showOnWall")
    "True to appear on `recognitionWall` (once it holds a level), false to leave it."


class OrganizationUpdateInput(BaseModel):
    """Changes to an organization; only the fields given are changed."""

    id: str
    "The organization's ID."
    name: Optional[str] = None
    "The organization's public name, up to 200 characters. Omit to keep; it cannot be cleared."
    kinds: Optional[list[OrganizationKind]] = None
    "What the organization does here; at least one (a shop may both donate and hire). Omit to keep; it cannot be cleared."
    description: Optional[str] = None
    "Public text about the organization, up to 5,000 characters. Omit to keep; null clears it."
    website: Optional[str] = None
    "An http(s) address, up to 500 characters. Omit to keep; null clears it."
    street: Optional[str] = None
    "Street address, up to 200 characters. Omit to keep; null clears it."
    city: Optional[str] = None
    "City, up to 100 characters. Omit to keep; null clears it."
    state: Optional[str] = None
    "Two-letter US state code, e.g. MI. Omit to keep; null clears it."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "US ZIP code. The organization is placed at the ZIP code's centroid unless latitude and longitude are given (UNKNOWN_POSTAL_CODE when the code does not exist). Omit to keep; null clears it. Giving any of postalCode, latitude and longitude replaces the whole location with what they give."
    latitude: Optional[float] = None
    "Degrees north, -90 to 90; give it with longitude. Coordinates win over the ZIP centroid. Omit to keep; null clears it. Giving any of postalCode, latitude and longitude replaces the whole location with what they give."
    longitude: Optional[float] = None
    "Degrees east, -180 to 180; give it with latitude. Omit to keep; null clears it. Giving any of postalCode, latitude and longitude replaces the whole location with what they give."
    contact_email: Optional[str] = Field(alias="contactEmail", default=None)
    "Contact address, shown only to members and to the other party of a donation. Omit to keep; null clears it."
    contact_phone: Optional[str] = Field(alias="contactPhone", default=None)
    "Contact phone, up to 40 characters; shown like contactEmail. Omit to keep; null clears it."
    programs: Optional[list[Program]] = None
    "Schools only: the programs taught. Omit to keep; null clears it."
    enrollment: Optional[int] = None
    "Schools only: students enrolled, 0 to 100,000. Omit to keep; null clears it."
    accreditation: Optional[str] = None
    "Schools only: accreditation held, e.g. ASE Education Foundation, up to 200 characters. Omit to keep; null clears it."
    tier: Optional[SchoolTier] = None
    "Schools only: the CREF program tier. Omit to keep; null clears it."
    legal_name: Optional[str] = Field(alias="legalName", default=None)
    "The legal name printed on donation receipts when it differs from `name`, up to 200 characters. Omit to keep; null clears it."
    tax_id: Optional[str] = Field(alias="taxId", default=None)
    "The US employer identification number (EIN), NN-NNNNNNN (nine digits; the dash is added); printed on donation receipts. INVALID_TAX_ID otherwise. Omit to keep; null clears it."
    tax_status: Optional[TaxStatus] = Field(alias="taxStatus", default=None)
    "Why gifts to it are deductible; printed on donation receipts. Omit to keep; null clears it."
    signer_name: Optional[str] = Field(alias="signerName", default=None)
    "Who signs its donation receipts, up to 200 characters. Omit to keep; null clears it."
    signer_title: Optional[str] = Field(alias="signerTitle", default=None)
    "The signer's title, e.g. Program Director, up to 200 characters. Omit to keep; null clears it."


class PasswordChangeInput(BaseModel):
    """Your current password and a new one."""

    current_password: str = Field(alias="currentPassword")
    "Your password now (INVALID_CREDENTIALS otherwise; attempts are limited like signing in)."
    new_password: str = Field(alias="newPassword")
    "The new password: 10 to 128 characters, at least 5 different ones, not a common password and not containing the email's local part."


class PasswordResetInput(BaseModel):
    """A new password, with the token from the reset mail."""

    token: str
    "The token from the mail; it works once, within 60 minutes by default."
    password: str
    "The new password: 10 to 128 characters, at least 5 different ones, not a common password and not containing the email's local part."


class PasswordResetRequestInput(BaseModel):
    """The address of an account whose password was forgotten."""

    email: str
    "The account's email, in any case."


class PayAmountInput(BaseModel):
    """An amount of pay per unit, in USD; compared with others per hour (2,080 hours a year)."""

    amount: "MoneyInput"
    "The amount per `unit`, in USD (INVALID_CURRENCY otherwise)."
    unit: PayUnit
    "What `amount` is per: an hour or a year."


class PayEstimateInput(BaseModel):
    """The role and place to estimate pay for; the refinements are kept only with enough data."""

    role_type: RoleType = Field(alias="roleType")
    "The role to estimate."
    postal_code: str = Field(alias="postalCode")
    "The US ZIP code to estimate around."
    program: Optional[Program] = None
    "Refine to reports and postings of a trade."
    radius_km: Optional[float] = Field(alias="radiusKm", default=None)
    "Where to start, 1-200 km (25 by default); widened until there is enough data."
    years_experience: Optional[int] = Field(alias="yearsExperience", default=None)
    "Refine to reports within 3 years of this experience (0-70)."
    credentials: Optional[list[str]] = None
    "Refine to data points sharing one of these credential codes."
    unit: PayUnit = PayUnit.YEAR
    "The unit to answer in."


class PayInput(BaseModel):
    """What you are paid, in USD: between $1 and $500 an hour, or the same per year."""

    amount: "MoneyInput"
    "Your pay per `unit`, in USD (INVALID_CURRENCY otherwise)."
    unit: PayUnit
    "What `amount` is per; must suit `basis`."
    basis: PayBasis
    "How you are paid: HOURLY and FLAT_RATE per HOUR, SALARY per YEAR (PAY_BASIS_MISMATCH)."


class PayRangeInput(BaseModel):
    """A posting's pay range, required on every posting. Amounts in USD (INVALID_CURRENCY otherwise), between $1 and $500 an hour or the same per year (OUT_OF_RANGE otherwise)."""

    min: "MoneyInput"
    "The lowest pay offered, per `unit`; above zero."
    max: "MoneyInput"
    "The highest pay offered, per `unit`; at least `min`."
    unit: PayUnit
    "What the amounts are per; must suit `basis`."
    basis: PayBasis
    "How the work is paid: HOURLY and FLAT_RATE per HOUR, SALARY per YEAR (PAY_BASIS_MISMATCH)."


class PayReportSubmitInput(BaseModel):
    """An anonymous pay report: no account and no exact address is stored with it."""

    role_type: RoleType = Field(alias="roleType")
    "The role you are paid for."
    postal_code: str = Field(alias="postalCode")
    "The US ZIP code you work in; only its centroid is kept."
    pay: "PayInput"
    "What you are paid."
    program: Optional[Program] = None
    "Your trade, if you want it counted."
    years_experience: Optional[int] = Field(alias="yearsExperience", default=None)
    "Years in the trade, 0-70."
    credentials: Optional[list[str]] = None
    "Credential codes you hold."


class PersistedDocumentRegisterInput(BaseModel):
    """A GraphQL document an organization's apps will send by its id."""

    document: str
    "The document's exact text (up to 100,000 characters); it must parse and validate against this schema (INVALID_DOCUMENT otherwise). Its id is `sha256:` and the SHA-256 of these UTF-8 bytes."
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "For a person: the organization (you must be its owner or admin) whose apps will send it. An app registers for its own organization and may leave this out."


class PlanStepAddInput(BaseModel):
    """A step to add to a plan."""

    plan_id: str = Field(alias="planId")
    "The DevelopmentPlan."
    kind: PlanStepKind
    "What the step asks for."
    target_on: Any = Field(alias="targetOn")
    "Its target date, within three years of today."
    credential_code: Optional[str] = Field(alias="credentialCode", default=None)
    "For CREDENTIAL: the catalogue code, e.g. 'ASE-B2' (UNKNOWN_CREDENTIAL otherwise)."
    area_code: Optional[str] = Field(alias="areaCode", default=None)
    "For ACADEMY_AREA: the academy area code, e.g. 'PREP' (UNKNOWN_AREA otherwise)."
    safety_training: Optional[SafetyTraining] = Field(
        alias="safetyTraining", default=None
    )
    "For SAFETY_TRAINING."
    title: Optional[str] = None
    "Up to 200 characters; from what the step asks for when omitted."
    note: Optional[str] = None
    "Up to 2,000 characters."


class PlanStepUpdateInput(BaseModel):
    """Changes to a plan step; fields left out stay as they are."""

    id: str
    "The PlanStep."
    target_on: Optional[Any] = Field(alias="targetOn", default=None)
    "A new target date, within three years of today."
    note: Optional[str] = None
    "A new note; null or blank clears it."
    skipped: Optional[bool] = None
    "true sets the step aside; false brings it back."
    completed_on: Optional[Any] = Field(alias="completedOn", default=None)
    "Mentor sessions only: the day it was held (null: not held). Other steps are done when the training record says so (INVALID otherwise)."


class ReceiptFilter(BaseModel):
    """Narrows `receipts`; fields left out do not filter."""

    year: Optional[int] = None
    "Only this calendar year's receipts, 2000 to 2100."
    role: ReceiptRole = ReceiptRole.RECEIVED
    "RECEIVED (default): as the donor; ISSUED: as the school that issued them."


class RecognitionWallFilter(BaseModel):
    """Which part of the wall; give a state or `near`, or neither for the whole wall."""

    state: Optional[str] = None
    "Two-letter US state code, e.g. MI."
    near: Optional["NearInput"] = None
    "Only organizations within this circle."


class RegionInput(BaseModel):
    """A circle around a US ZIP code."""

    postal_code: str = Field(alias="postalCode")
    "US ZIP code at the centre; it must be a known ZIP code."
    radius_km: float = Field(alias="radiusKm")
    "Radius in kilometres, from 1 to 5000."


class SafetyCertificationRecordInput(BaseModel):
    """A safety training a technician completed."""

    technician_id: str = Field(alias="technicianId")
    "The Technician; you must be their supervisor or an owner or admin of their shop."
    training: SafetyTraining
    "The training completed."
    completed_on: Any = Field(alias="completedOn")
    "When; not in the future."
    expires_on: Optional[Any] = Field(alias="expiresOn", default=None)
    "When it lapses, after `completedOn`; from the training's renewal period when omitted (no end when the rule sets none)."
    note: Optional[str] = None
    "Provider or certificate number; up to 2,000 characters."


class SavedSearchCreateInput(BaseModel):
    """A search to save. Give exactly one of `needs`, `listings`, `jobPostings` and `scholarships`."""

    name: str
    "Your name for it, at most 200 characters."
    frequency: AlertFrequency = AlertFrequency.DAILY
    "How often to be told of new matches; DAILY when omitted."
    needs: Optional["NeedFilter"] = None
    "A filter over `needs`."
    listings: Optional["ListingFilter"] = None
    "A filter over `listings`."
    job_postings: Optional["JobPostingFilter"] = Field(
        alias="jobPostings", default=None
    )
    "A filter over `jobPostings`."
    scholarships: Optional["ScholarshipFilter"] = None
    "A filter over `scholarships`."


class SavedSearchDeleteInput(BaseModel):
    """The saved search to delete."""

    id: str
    "Your SavedSearch; anyone else's is NOT_FOUND."


class SavedSearchUpdateInput(BaseModel):
    """Changes to a saved search; fields left out stay. Give exactly one of `needs`, `listings`, `jobPostings` and `scholarships` to replace the filter."""

    id: str
    "Your SavedSearch; anyone else's is NOT_FOUND."
    name: Optional[str] = None
    "A new name, at most 200 characters."
    frequency: Optional[AlertFrequency] = None
    "A new alert frequency."
    needs: Optional["NeedFilter"] = None
    "A new filter over `needs`."
    listings: Optional["ListingFilter"] = None
    "A new filter over `listings`."
    job_postings: Optional["JobPostingFilter"] = Field(
        alias="jobPostings", default=None
    )
    "A new filter over `jobPostings`."
    scholarships: Optional["ScholarshipFilter"] = None
    "A new filter over `scholarships`."


class ScholarshipApplicationAwardInput(BaseModel):
    """The application to award."""

    id: str
    "The ScholarshipApplication; it must be SUBMITTED."


class ScholarshipApplicationDeclineInput(BaseModel):
    """The application to decline."""

    id: str
    "The ScholarshipApplication; it must be SUBMITTED."


class ScholarshipApplyInput(BaseModel):
    """Your application for a scholarship or tool grant."""

    scholarship_id: str = Field(alias="scholarshipId")
    "The Scholarship; it must be open, and you eligible and not yet applied."
    essay: str
    "Why you should receive it; up to 10,000 characters."


class ScholarshipAwardFulfillInput(BaseModel):
    """How an award was delivered."""

    id: str
    "The AWARDED ScholarshipApplication, not yet fulfilled, with no donation delivering it under way."
    note: str
    "How the award reached the student, up to 2,000 characters; shown on the student's pathway."


class ScholarshipCreateInput(BaseModel):
    """A new scholarship or tool grant."""

    sponsor_id: str = Field(alias="sponsorId")
    "The donor Organization offering it; you must be one of its owners or admins."
    name: str
    "Up to 200 characters."
    kind: ScholarshipKind
    "Money for school, or a starter tool kit."
    amount: "MoneyInput"
    "The value of each award, at most 1,000,000.00: at least 1 cent for a SCHOLARSHIP, 0 or more for a TOOL_GRANT."
    awards: int
    "How many awards will be made, from 1 to 1000."
    opens_on: Any = Field(alias="opensOn")
    "First day applications are accepted (UTC)."
    closes_on: Any = Field(alias="closesOn")
    "Last day applications are accepted: not before opensOn or today."
    description: Optional[str] = None
    "Up to 5,000 characters; empty if omitted."
    eligibility: Optional["EligibilityInput"] = None
    "Who may apply; omit to accept any student with a profile."


class ScholarshipFilter(BaseModel):
    """Narrows scholarships as `scholarships` does with its arguments; fields left out do not filter."""

    sponsor_id: Optional[str] = Field(alias="sponsorId", default=None)
    "Only this donor Organization's awards."
    open_only: bool = Field(alias="openOnly", default=False)
    "Only those accepting applications on the day asked (UTC), with awards left."


class SchoolStudentFilter(BaseModel):
    """Narrows `Organization.students`; fields left out do not filter."""

    name: Optional[str] = None
    "Words the student's name contains, each anywhere in it, ignoring case (`smi ann` finds Ann Smith); taken literally (% and _ are not wildcards); up to 200 characters."
    graduation_year: Optional[int] = Field(alias="graduationYear", default=None)
    "Only students graduating (or graduated) in this calendar year, 1950 to 2100."


class SenderBlockInput(BaseModel):
    """Whom to block. Give exactly one of `conversationId` (its other side: the organization, or the person) and `userId`."""

    conversation_id: Optional[str] = Field(alias="conversationId", default=None)
    "A Conversation of yours: block the other side of it."
    user_id: Optional[str] = Field(alias="userId", default=None)
    "A User: block this person."


class SenderUnblockInput(BaseModel):
    """Whom to unblock. Give exactly one of `conversationId` (its other side: the organization, or the person) and `userId`."""

    conversation_id: Optional[str] = Field(alias="conversationId", default=None)
    "A Conversation of yours: unblock the other side of it."
    user_id: Optional[str] = Field(alias="userId", default=None)
    "A User: unblock this person."


class ServiceCancelInput(BaseModel):
    """Call off an offer or a confirmed visit, saying why."""

    id: str
    "The OFFERED or CONFIRMED offer; you must be a member of the school or of the shop."
    reason: str
    "Why, for the other side; 1 to 1000 characters. Required."


class ServiceCompleteInput(BaseModel):
    """Record a confirmed visit as delivered, crediting the shop."""

    id: str
    "The CONFIRMED offer; you must be a member of the school. The need becomes FULFILLED and the shop gets the credit in its `impact` (services and hours)."


class ServiceConfirmInput(BaseModel):
    """Confirm one shop's offer for your school's service need."""

    id: str
    "The OFFERED offer; you must be a member of the school. Only one offer per need can be confirmed (SERVICE_ALREADY_BOOKED)."


class ServiceOfferFilter(BaseModel):
    """Narrows `serviceOffers`; fields left out do not filter."""

    status: Optional[list[ServiceOfferStatus]] = None
    "Any of these statuses."
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Only offers of this one of your organizations, as shop or school; another organization's ID gives an empty list."


class ServiceOfferInput(BaseModel):
    """Offer (or claim) a school's service need for your shop."""

    need_id: str = Field(alias="needId")
    "The OPEN service need (speaker, job shadow, tour...)."
    message: str
    "To the school: who would come, what they would show; up to 2000 characters."
    proposed_start: Optional[Any] = Field(alias="proposedStart", default=None)
    "When you propose to come, in the future; optional, e.g. for an unscheduled need."
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Your shop (a donor or employer you are a member of; its app needs DONATIONS_WRITE). Optional when you belong to exactly one such organization."


class ServiceScheduleInput(BaseModel):
    """When and where a service need's visit takes place."""

    starts_at: Any = Field(alias="startsAt")
    "When the visit starts: an ISO 8601 date and time with its offset (the school's local time), in the future."
    duration_minutes: int = Field(alias="durationMinutes")
    "How long the visit lasts, in minutes: 15 to 2880 (two days)."
    address: Optional[str] = None
    "Where the visit happens, up to 500 characters; null or left out: at the school."


class ShopTaskAssignInput(BaseModel):
    """Work to assign to a technician."""

    technician_id: str = Field(alias="technicianId")
    "An ACTIVE Technician; you must be their supervisor or an owner or admin of their shop."
    kind: TaskKind
    "The kind of work; see `taskKinds` for the safety it needs."
    title: str
    "What to do; up to 200 characters."
    due_on: Optional[Any] = Field(alias="dueOn", default=None)
    "When it is due, from today to a year ahead; today when omitted."


class ShopTaskCompleteInput(BaseModel):
    """The task to mark done."""

    id: str
    "The ShopTask."


class StoryCreateInput(BaseModel):
    """A new career story."""

    organization_id: str = Field(alias="organizationId")
    "The publishing Organization; you must be a member (or its app with content:write)."
    title: str
    "Up to 200 characters."
    body: str
    "Markdown, up to 50,000 characters; scripts, event handlers and javascript: links are refused."
    audience: list[Audience]
    "Who it is written for; at least one."
    summary: Optional[str] = None
    "A teaser of up to 500 characters."
    tags: list[str] = Field(default_factory=lambda: [])
    "At most 10, each up to 40 characters; lowercased, spaces hyphenated, duplicates dropped."
    media_url: Optional[str] = Field(alias="mediaUrl", default=None)
    "An http(s) address of a video or image."


class StoryDeleteInput(BaseModel):
    """The story to unpublish."""

    id: str
    "The Story."


class StoryFilter(BaseModel):
    """Which stories to list; every rule given must match."""

    audience: list[Audience] = Field(default_factory=lambda: [])
    "Stories for any of these audiences; empty for all."
    tags: list[str] = Field(default_factory=lambda: [])
    "Stories with any of these tags, matched as normalized; empty for all."
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Only this Organization's stories."


class StudentCredentialAddInput(BaseModel):
    """A credential to add to your student profile."""

    code: str
    "The catalogue code, case-insensitive, e.g. 'ASE-B2'."
    earned_on: Any = Field(alias="earnedOn")
    "When you earned it; not in the future."
    expires_on: Optional[Any] = Field(alias="expiresOn", default=None)
    "When it expires, after `earnedOn`; computed from the catalogue's validity when omitted."
    credential_number: Optional[str] = Field(alias="credentialNumber", default=None)
    "The issuer's certificate or ID number, at most 60 characters."


class StudentCredentialRemoveInput(BaseModel):
    """The held credential to remove."""

    id: str
    "The StudentCredential's global ID."


class StudentCredentialVerifyInput(BaseModel):
    """The held credential to verify."""

    id: str
    "The StudentCredential's global ID."


class StudentProfileFilter(BaseModel):
    """Which student profiles to list; every criterion given must hold."""

    near: Optional["NearInput"] = None
    "Profiles within this circle, nearest first (else most recently updated first)."
    program: Optional[Program] = None
    "Profiles studying this program."
    availability: Optional[Availability] = None
    "Profiles looking for this kind of work."
    credential: Optional[str] = None
    "A credential code held and not expired."


class StudentProfileUpsertInput(BaseModel):
    """Your student profile's fields: only the fields given are changed (null clears one); a first call creates the profile."""

    school_id: Optional[str] = Field(alias="schoolId", default=None)
    "Your school (an Organization that is a school); null for none."
    programs: Optional[list[Program]] = None
    "The programs or trades you study; replaces the list."
    graduation_date: Optional[Any] = Field(alias="graduationDate", default=None)
    "When you graduate (or graduated)."
    postal_code: Optional[str] = Field(alias="postalCode", default=None)
    "The US ZIP code you work from; needed for distance-based matches."
    travel_radius_km: Optional[float] = Field(alias="travelRadiusKm", default=None)
    "How far you will travel, in kilometres: above 0, at most 1,000."
    availability: Optional[list[Availability]] = None
    "The kinds of work you are looking for; replaces the list."
    skills: Optional[list[str]] = None
    "Free text, at most 50; matched to canonical skills, the rest kept as given and reported in `skillSuggestions`. Replaces the list."
    headline: Optional[str] = None
    "One line, at most 200 characters."
    bio: Optional[str] = None
    "Plain text, at most 5,000 characters."
    visible_to_employers: Optional[bool] = Field(
        alias="visibleToEmployers", default=None
    )
    "Let employers find and see your profile (not your name or contact)."


class TechnicianEndInput(BaseModel):
    """Record that a technician left the shop."""

    id: str
    "The ACTIVE Technician."
    ended_on: Optional[Any] = Field(alias="endedOn", default=None)
    "Their last day, from their first day to today; today when omitted."


class TechnicianHireInput(BaseModel):
    """Make a hire a technician of the shop."""

    application_id: str = Field(alias="applicationId")
    "An Application to your shop moved to HIRED (NOT_HIRED otherwise); you must be an owner or admin of the shop (or its app with talent:write)."
    role: TechnicianRole
    "Their role at the shop."
    started_on: Optional[Any] = Field(alias="startedOn", default=None)
    "Their first day, at most a year ahead; today when omitted."
    supervisor_id: Optional[str] = Field(alias="supervisorId", default=None)
    "A User in the shop (a member, or one of its technicians) who supervises or mentors."


class TechnicianInvitationAcceptInput(BaseModel):
    """Accept an invitation to a shop's team."""

    id: str
    "The TechnicianInvitation sent to your account's email."
    share_earlier_records: Optional[bool] = Field(
        alias="shareEarlierRecords", default=None
    )
    "Whether the shop counts the credentials and training you earned before joining; when omitted, your profile's `visibleToEmployers` choice carries over (false without a profile)."


class TechnicianInvitationDeclineInput(BaseModel):
    """Decline an invitation to a shop's team."""

    id: str
    "The TechnicianInvitation sent to your account's email."


class TechnicianInviteInput(BaseModel):
    """Invite an existing technician to the shop's team."""

    organization_id: str = Field(alias="organizationId")
    "Your shop: an employer you own or administer."
    email: str
    "Their account's email; nothing tells you whether it has one."
    role: TechnicianRole
    "The role offered."
    started_on: Optional[Any] = Field(alias="startedOn", default=None)
    "The first day, at most a year ahead; today when omitted."
    supervisor_id: Optional[str] = Field(alias="supervisorId", default=None)
    "A User in the shop who will supervise or mentor them."
    message: Optional[str] = None
    "Up to 2,000 characters."


class TechnicianSharingUpdateInput(BaseModel):
    """Your choice of what the shop counts of your earlier records."""

    id: str
    "Your Technician record."
    share_earlier_records: bool = Field(alias="shareEarlierRecords")
    "true: the shop counts the credentials and training you earned before joining; false: only what you earn while working there."


class TechnicianUpdateInput(BaseModel):
    """Changes to a technician's record; fields left out stay as they are."""

    id: str
    "The ACTIVE Technician."
    role: Optional[TechnicianRole] = None
    "A new role; null keeps it."
    started_on: Optional[Any] = Field(alias="startedOn", default=None)
    "A corrected first day, at most a year ahead; null keeps it."
    supervisor_id: Optional[str] = Field(alias="supervisorId", default=None)
    "A User in the shop; null removes the supervisor."


class TokenCreateInput(BaseModel):
    """Email and password of an account."""

    email: str
    "The account's email, in any case."
    password: str
    "The account's password. Attempts are limited per account and client and per client (RATE_LIMITED with `retryAfterSeconds`); failures elsewhere never lock you out."


class TokenRefreshInput(BaseModel):
    """The refresh token of a session."""

    refresh_token: str = Field(alias="refreshToken")
    "The latest refresh token the session was given."


class TokenRevokeInput(BaseModel):
    """Which sessions to end."""

    everywhere: bool = False
    "End every session of yours (all devices), not only this one."


class TrainingProgramCreateInput(BaseModel):
    """A new training program."""

    organization_id: str = Field(alias="organizationId")
    "The school or employer running it; you must be one of its owners or admins (or its app with talent:write)."
    name: str
    "Up to 200 characters."
    areas: list[str]
    "Academy area codes taught, at least one: CRF, DR, PLASTIC, SDR, PREP (case-insensitive, duplicates ignored)."
    description: Optional[str] = None
    "Up to 5,000 characters; empty if omitted."
    mentor_user_id: Optional[str] = Field(alias="mentorUserId", default=None)
    "A User who mentors the program's apprentices and may record their completions."


class UserRegisterInput(BaseModel):
    """A new account. Nothing is usable until the email is confirmed."""

    email: str
    "Sign-in email; normalized (NFKC, trimmed, case-folded): one account per mailbox."
    password: str
    "10 to 128 characters, at least 5 different ones, not a common password and not containing the email's local part. Stored only as an argon2id hash."
    name: str
    "The person's name, up to 200 characters."


class WebhookCreateInput(BaseModel):
    """A new webhook endpoint for the calling partner app."""

    url: str
    "Where to POST events: https and a public address (TARGET_NOT_ALLOWED otherwise)."
    event_types: list[EventType] = Field(alias="eventTypes")
    "The event types to receive; at least one."
    description: Optional[str] = None
    "What it is for, up to 500 characters."


class WebhookDeleteInput(BaseModel):
    """A webhook to delete, with its delivery log."""

    id: str
    "The webhook; NOT_FOUND unless it is the calling app's."


class WebhookDeliveryRetryInput(BaseModel):
    """A delivery to try again now."""

    id: str
    "The delivery, from `webhookDeliveries`."


class WebhookUpdateInput(BaseModel):
    """Changes to a webhook; fields left out stay as they are."""

    id: str
    "The webhook; NOT_FOUND unless it is the calling app's."
    url: Optional[str] = None
    "A new target URL."
    event_types: Optional[list[EventType]] = Field(alias="eventTypes", default=None)
    "A new set of event types."
    description: Optional[str] = None
    "A new description."
    is_active: Optional[bool] = Field(alias="isActive", default=None)
    "Switch it off or on again (clears `disabledReason`)."


AllocationApplyInput.model_rebuild()
AllocationPlanCreateInput.model_rebuild()
AllocationPlanInput.model_rebuild()
EligibilityInput.model_rebuild()
JobPostingCreateInput.model_rebuild()
JobPostingFilter.model_rebuild()
JobPostingUpdateInput.model_rebuild()
ListingCreateInput.model_rebuild()
ListingFilter.model_rebuild()
ListingUpdateInput.model_rebuild()
MentorFilter.model_rebuild()
NeedCreateInput.model_rebuild()
NeedFilter.model_rebuild()
NeedUpdateInput.model_rebuild()
NeedsSummaryFilter.model_rebuild()
NotificationPreferencesUpdateInput.model_rebuild()
OrganizationFilter.model_rebuild()
PayAmountInput.model_rebuild()
PayInput.model_rebuild()
PayRangeInput.model_rebuild()
PayReportSubmitInput.model_rebuild()
RecognitionWallFilter.model_rebuild()
SavedSearchCreateInput.model_rebuild()
SavedSearchUpdateInput.model_rebuild()
ScholarshipCreateInput.model_rebuild()
StudentProfileFilter.model_rebuild()
