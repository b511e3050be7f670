"""GraphQL enums of the talent exchange, every value described."""

from __future__ import annotations

from db.enums import talent as e
from resolvers.talent.application_workflow import Party
from schema.enum_type import enum_type

Availability = enum_type(
    e.Availability,
    description="A kind of work a student is looking for; matched against a posting's role type.",
    values={
        "INTERNSHIP": "A short, often school-linked, placement at a shop.",
        "APPRENTICESHIP": "Paid work with structured on-the-job training toward a trade.",
        "PART_TIME": "A paid part-time job, e.g. alongside school.",
        "FULL_TIME": "A paid full-time job.",
        "JOB_SHADOW": "A day or two following a technician at work, unpaid, to see the trade.",
    },
)
RoleType = enum_type(
    e.RoleType,
    description="The kind of role a job posting or pay report is for; pay estimates compare like roles only.",
    values={
        "TECHNICIAN": "Automotive service or collision repair technician (SOC 49-3023, 49-3021).",
        "APPRENTICE": "A technician in training, paid while learning under experienced technicians.",
        "INTERN": "A student placed at a shop for a set period.",
        "ESTIMATOR": "Writes repair estimates and damage appraisals (SOC 13-1032).",
        "REFINISH_TECHNICIAN": "Painter: surface preparation, color matching and refinish.",
        "DETAILER": "Cleans, reconditions and prepares vehicles for delivery.",
        "PARTS": "Parts specialist: orders, receives and manages parts.",
        "OTHER": "Any other role at a shop.",
    },
)
PayUnit = enum_type(
    e.PayUnit,
    description="What a pay amount is per. Amounts in different units are compared per hour, a year being 2,080 hours.",
    values={"HOUR": "The amount is per hour.", "YEAR": "The amount is per year."},
)
PayBasis = enum_type(
    e.PayBasis,
    description="How the work is paid; each basis is quoted in one unit (PAY_BASIS_MISMATCH otherwise).",
    values={
        "HOURLY": "Per hour worked; quoted per HOUR.",
        "SALARY": "A fixed yearly salary; quoted per YEAR.",
        "FLAT_RATE": "Per flagged (book) hour of each job, whatever the time it took; quoted per HOUR.",
    },
)
Benefit = enum_type(
    e.Benefit,
    description="A benefit a job posting offers.",
    values={
        "TOOL_ALLOWANCE": "Money toward the technician's own tools.",
        "PAID_TRAINING": "Training (e.g. I-CAR courses) during paid hours.",
        "CERTIFICATION_REIMBURSEMENT": "ASE or I-CAR test and certification fees repaid.",
        "TUITION_ASSISTANCE": "Help paying for school or college courses.",
        "HEALTH": "Health insurance.",
        "DENTAL": "Dental insurance.",
        "VISION": "Vision insurance.",
        "PTO": "Paid time off.",
        "RETIREMENT": "A retirement plan, e.g. a 401(k).",
        "UNIFORMS": "Uniforms provided.",
        "SIGN_ON_BONUS": "A bonus paid on joining.",
    },
)
PostingStatus = enum_type(
    e.PostingStatus,
    name="JobPostingStatus",
    description="Whether a job posting takes applications.",
    values={
        "OPEN": "Takes applications and is listed on the job board.",
        "CLOSED": "Closed by the employer, or past its closing date; takes no applications.",
        "FILLED": "Every opening has a hire; takes no applications unless the employer adds openings.",
    },
)
ApplicationStatus = enum_type(
    e.ApplicationStatus,
    description="Where an application stands. The employer moves it APPLIED -> REVIEWING -> INTERVIEW -> "
    "OFFERED -> HIRED and may reject it while open; the student may withdraw it before HIRED.",
    values={
        "APPLIED": "Sent; the employer has not moved it yet.",
        "REVIEWING": "The employer is reviewing it.",
        "INTERVIEW": "The employer asked the student to interview.",
        "OFFERED": "The employer offered the job.",
        "HIRED": "Hired, filling one of the posting's openings; final.",
        "REJECTED": "The employer turned it down; final.",
        "WITHDRAWN": "The student withdrew it; final. The employer no longer sees the student's name or contact.",
    },
)
InvitationStatus = enum_type(
    e.InvitationStatus,
    name="JobInvitationStatus",
    description="A student's answer to an employer's invitation to apply.",
    values={
        "PENDING": "Not answered yet.",
        "ACCEPTED": "Accepted: an application was made for the student and their name and contact released.",
        "DECLINED": "Declined; the employer learns nothing more about the student.",
    },
)
MentorshipStatus = enum_type(
    e.MentorshipStatus,
    description="Where a mentorship stands: requested by the mentee, then accepted or declined by the mentor.",
    values={
        "REQUESTED": "Asked for by the mentee; waiting for the mentor's answer.",
        "ACTIVE": "Accepted; takes one of the mentor's places until it ends.",
        "DECLINED": "The mentor declined the request; the mentee may ask again.",
        "CANCELLED": "The mentee withdrew the request before the mentor answered.",
        "ENDED": "Ended by either side after being active; the place is free again.",
    },
)
CredentialStatus = enum_type(
    e.CredentialStatus,
    description="A held credential's standing as of today, from its expiry date.",
    values={
        "VALID": "Does not expire, or expires in more than 90 days.",
        "EXPIRING": "Expires within the next 90 days (today included).",
        "EXPIRED": "Its expiry date has passed.",
    },
)
ApplicationParty = enum_type(
    Party,
    name="ApplicationParty",
    description="Which side of an application made a move.",
    values={
        "STUDENT": "The student who applied (applying, withdrawing).",
        "EMPLOYER": "A member of the employer, or its partner app with talent:write.",
    },
)
