"""What each `ErrorCode` tells a client, so a partner can map every code to a message or an action."""

from __future__ import annotations

from core.errors import ErrorCode as DomainErrorCode
from schema.enum_type import enum_type

ErrorCode = enum_type(
    DomainErrorCode,
    name="ErrorCode",
    description="Why an input or action was refused; `UserError.field` names the input concerned, if any.",
    values={
        # common
        "INVALID": "The value is malformed (for example an ID of the wrong type or a bad format).",
        "REQUIRED": "The field must be given and not blank.",
        "TOO_LONG": "The text is longer than the field allows; the message gives the limit.",
        "OUT_OF_RANGE": "The number or date is outside the allowed range; the message gives it.",
        "NOT_FOUND": "No such object, or you may not see it (the two are not told apart).",
        "PERMISSION_DENIED": "You are signed in but may not do this to this object.",
        "UNAUTHENTICATED": "Sign in (or send an app token) to do this.",
        "RATE_LIMITED": "Too many attempts; wait `UserError.retryAfterSeconds` seconds and try again.",
        "DUPLICATE": "An equal object already exists.",
        "INVALID_TRANSITION": "The object's current status does not allow this step.",
        "INVALID_CHARACTERS": "The text holds a character that cannot be stored: NUL (U+0000); `field` names it.",
        "TIMEOUT": "The database took too long (busy, or another change held what this needed); nothing was "
        "changed, so the same request may be sent again.",
        # accounts
        "EMAIL_TAKEN": "No longer returned: `userRegister` answers a taken address like a free one and mails its "
        "owner instead.",
        "INVALID_EMAIL": "Not a valid email address.",
        "PASSWORD_TOO_SHORT": "The password is shorter than the minimum length.",
        "PASSWORD_TOO_LONG": "The password is longer than the maximum length.",
        "PASSWORD_TOO_COMMON": "The password is on the list of commonly used passwords.",
        "PASSWORD_TOO_SIMPLE": "The password repeats too few different characters.",
        "INVALID_CREDENTIALS": "The email and password do not match a verified account (the answer does not "
        "tell which).",
        "INVALID_TOKEN": "The emailed or refresh token is unknown, expired or used already; ask for a new one.",
        # organizations and apps
        "UNKNOWN_POSTAL_CODE": "The ZIP code is not a known US ZIP code.",
        "INVALID_COORDINATES": "Latitude must be within -90..90 and longitude within -180..180, given together.",
        "LAST_OWNER": "An organization must keep at least one owner.",
        "ALREADY_MEMBER": "The person is already a member of the organization.",
        "INVALID_SCOPE": "No scope given, or a scope the organization's kinds do not allow (see `AppScope`).",
        "INVALID_TAX_ID": "A US employer identification number (EIN) is nine digits written NN-NNNNNNN.",
        # talent exchange
        "UNKNOWN_CREDENTIAL": "No credential with this code in the catalogue.",
        "EARNED_IN_FUTURE": "A credential cannot be earned after today.",
        "EXPIRES_BEFORE_EARNED": "A credential cannot expire before it was earned.",
        "PROFILE_REQUIRED": "Create your student (or mentor) profile first.",
        "NOT_A_SCHOOL": "The organization is not a school.",
        "NOT_AN_EMPLOYER": "The organization is not an employer.",
        "PAY_REQUIRED": "A job posting must state its pay.",
        "PAY_MIN_ABOVE_MAX": "The minimum pay is above the maximum.",
        "PAY_BASIS_MISMATCH": "The pay unit does not fit the pay basis (for example a yearly flat rate).",
        "POSTING_CLOSED": "The job posting no longer takes applications.",
        "NO_OPENINGS_LEFT": "Every opening of the posting is filled.",
        "OPENINGS_BELOW_HIRES": "Openings cannot go below the hires already made.",
        "ALREADY_APPLIED": "The student already applied to this posting.",
        "ALREADY_INVITED": "The student was already invited to this posting.",
        "CAPACITY_REACHED": "The mentor has no free place.",
        "CAPACITY_BELOW_ACTIVE": "Capacity cannot go below the number of active mentees.",
        "INSUFFICIENT_DATA": "Fewer than five distinct contributors match, so no figure is given.",
        # pathways
        "WRONG_ORGANIZATION_KIND": "The organization is not of the kind this needs.",
        "UNKNOWN_AREA": "No academy area with this code.",
        "ALREADY_ENROLLED": "The student is already enrolled in this program.",
        "NOT_ENROLLED": "The student is not enrolled in this program.",
        "MODULE_NOT_IN_PROGRAM": "The module is not taught by this program.",
        "ALREADY_COMPLETED": "The module was already recorded as completed.",
        "NO_STUDENT_PROFILE": "The person has no student profile.",
        "INELIGIBLE": "The student does not meet the eligibility rules.",
        "NOT_OPEN": "Not open yet.",
        "CLOSED": "Closed: the deadline passed or it was closed.",
        "AWARDS_EXHAUSTED": "Every award this scholarship declared has been made.",
        "MENTORSHIP_NOT_ACTIVE": "The mentorship named is not active.",
        "UNSAFE_CONTENT": "The content contains markup that is not allowed.",
        # donations
        "UNKNOWN_CATEGORY": "No category with this ID.",
        "INVALID_CURRENCY": "Not a supported ISO 4217 currency code.",
        "INSUFFICIENT_QUANTITY": "The listing has fewer items available than asked for.",
        "LISTING_UNAVAILABLE": "The listing is withdrawn or has nothing left to give.",
        "LISTING_EXPIRED": "The listing's availability window has passed.",
        "NEED_NOT_OPEN": "The need is closed or already fulfilled.",
        "EXCEEDS_NEED": "More than the need still asks for.",
        "OWN_LISTING": "An organization cannot request its own listing.",
        "NOT_A_SERVICE": "Only a service need (speaker, job shadow, tour...) can be scheduled, offered or marked "
        "fulfilled this way.",
        "HAS_RESERVATIONS": "The change would go below quantities already reserved by requests.",
        "NOT_A_TOOL_GRANT": "The scholarship is not a tool grant.",
        "GRANT_NOT_AWARDED": "The tool grant was not awarded to this student.",
        "GRANT_ALREADY_FULFILLED": "The award was already delivered.",
        "GRANT_DELIVERY_OPEN": "A delivery of this grant is already under way.",
        "NOT_THE_SPONSORS_LISTING": "The listing does not belong to the grant's sponsor.",
        "SERVICE_ALREADY_BOOKED": "The service need already has a confirmed visit by a shop; cancel it first.",
        "ALREADY_OFFERED": "Your shop already has a live offer for this service need.",
        # matching
        "INVALID_WEIGHTS": "Weights must each be within 0..1 and at least one above 0.",
        # events
        "TARGET_NOT_ALLOWED": "Webhook URLs must use https and point to a public address.",
        "APP_TOKEN_REQUIRED": "Only a partner app token can do this (webhooks belong to an app).",
        "NOT_A_SUBSTITUTE": "The listing's category cannot stand in for the need's (e.g. a MIG welder for a "
        "spot-welder need); the message says why.",
        "CONDITION_BELOW_MINIMUM": "The listing's condition is below the need's minimum.",
        "OUT_OF_REACH": "The listing is farther from the school than any way it is offered reaches.",
        "PLAN_ALREADY_APPLIED": "This allocation plan has already been applied; apply chosen pairs instead.",
        # workforce
        "NOT_HIRED": "Only an application moved to HIRED makes its student a technician of the shop.",
        "ALREADY_ON_TEAM": "The person is already an active technician of this shop (or this hire was added).",
        "LEVEL_ALREADY_REACHED": "The technician already meets every requirement of the level asked for.",
        "SAFETY_TRAINING_LAPSED": "A safety training the task needs is missing or lapses before the task is due.",
        # partner integration kit
        "INVALID_DOCUMENT": "The GraphQL document does not parse or validate against this schema.",
        "INVALID_FILE": "The uploaded file is not UTF-8 CSV with the expected header, or is empty or too large.",
        "INVALID_ROWS": "Some rows of the file are invalid; nothing was imported. The import lists each error by "
        "line and column.",
        # messages
        "BLOCKED": "The people on the other side of the conversation blocked you (or your organization); the "
        "message was not sent.",
        # media: photos
        "INVALID_IMAGE": "The file is not a JPEG, PNG or WebP image that decodes in full (damaged, animated, or "
        "another format).",
        "IMAGE_TOO_LARGE": "The image is over the size or pixel limit; the message gives the limit.",
        "PHOTO_LIMIT_REACHED": "The object already has the most photos it may carry (8); remove one first.",
    },
)
