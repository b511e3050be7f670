"""The donation exchange's closed sets as GraphQL enums, each value described for partner developers."""

from __future__ import annotations

from db import enums
from resolvers.donations.listings import ListingOrder as ListingOrderValues
from resolvers.donations.needs import NeedOrder as NeedOrderValues
from schema.enum_type import enum_type

DonationStatus = enum_type(
    enums.DonationStatus,
    description="Where a donation is in its workflow: REQUESTED -> APPROVED -> SHIPPED -> RECEIVED, or DECLINED or "
    "CANCELLED on the way. DECLINED, RECEIVED and CANCELLED are final.",
    values={
        "REQUESTED": "The school asked; the donor has not answered yet. Nothing is reserved on the listing.",
        "APPROVED": "The donor agreed; the quantity is reserved on the listing until it is shipped or cancelled.",
        "DECLINED": "The donor said no, or withdrew the listing while the request waited (see `declineReason`). Final.",
        "SHIPPED": "The donor shipped the items or arranged pickup, delivery or tow (see `shipment`); the school "
        "has not confirmed receipt yet. Can no longer be cancelled.",
        "RECEIVED": "The school confirmed receipt: the donor's receipt is issued and the need's `quantityFulfilled` "
        "counts the items. Final.",
        "CANCELLED": "Either side called it off before shipping, or the school closed the need while the request "
        "waited (see `cancelReason`); any reservation was released. Final.",
    },
)
FulfillmentMethod = enum_type(
    enums.FulfillmentMethod,
    description="How items get from the donor to the school.",
    values={
        "PICKUP": "The school collects the items from the donor.",
        "SHIP": "The donor ships through a carrier; shipping needs a carrier name, a tracking number is optional.",
        "DELIVERY": "The donor brings the items to the school.",
        "TOW": "A towing partner moves a vehicle (training or salvage vehicles).",
    },
)
ItemCondition = enum_type(
    enums.ItemCondition,
    description="An item's condition, best first. Filters and a need's minimum accept the given condition or "
    "better: GOOD means NEW, LIKE_NEW or GOOD.",
    values={
        "NEW": "Unused, in its original packaging or never put into service.",
        "LIKE_NEW": "Used briefly; no visible wear, works as new.",
        "GOOD": "Used with normal wear; fully working.",
        "FAIR": "Heavy wear or cosmetic damage; works, may need minor repair or calibration.",
        "FOR_PARTS": "Does not work as a whole; useful for parts, disassembly or practice only.",
    },
)
NeedPriority = enum_type(
    enums.NeedPriority,
    description="How urgent a need is, as the school judges it, least urgent first. It orders needs by URGENCY "
    "and weighs in donation matching; a `priority` filter means this urgent or more.",
    values={
        "LOW": "Least urgent: useful, but the program runs without it.",
        "MEDIUM": "The default when a need is posted without a priority.",
        "HIGH": "More urgent than MEDIUM: the program is held back without it.",
        "CRITICAL": "Most urgent: a course or lab cannot run without it.",
    },
)
NeedStatus = enum_type(
    enums.NeedStatus,
    description="Whether a need still takes donations; derived from its quantities and whether it was closed.",
    values={
        "OPEN": "Takes requests: less than `quantity` received so far and not closed.",
        "FULFILLED": "Everything asked for was received, or a service need was marked fulfilled.",
        "CLOSED": "The school closed it; it takes no more requests.",
    },
)
NeedOrder = enum_type(
    NeedOrderValues,
    name="NeedOrder",
    description="How `needs` are ordered. Default: DISTANCE when `filter.near` is given, otherwise URGENCY.",
    values={
        "DISTANCE": "Nearest first from `filter.near`; refused with REQUIRED without it.",
        "URGENCY": "Most urgent priority first, then the earliest `neededBy` (needs without a date last), then "
        "oldest first.",
        "NEWEST": "Most recently posted first.",
    },
)
ListingStatus = enum_type(
    enums.ListingStatus,
    description="Where a listing stands, derived from its quantities, its `availableUntil` date and withdrawal; "
    "the first that applies, in this order: WITHDRAWN, DONATED, RESERVED, EXPIRED, AVAILABLE.",
    values={
        "AVAILABLE": "Some quantity can still be requested.",
        "RESERVED": "Nothing left to request: every item is reserved by approved or shipped donations, or given.",
        "DONATED": "Every item was received by schools.",
        "WITHDRAWN": "The donor withdrew it; it takes no more requests.",
        "EXPIRED": "Its `availableUntil` date has passed; it takes no more requests.",
    },
)
ListingOrder = enum_type(
    ListingOrderValues,
    name="ListingOrder",
    description="How `listings` are ordered. Default: DISTANCE when `filter.near` is given, otherwise NEWEST.",
    values={
        "DISTANCE": "Nearest first from `filter.near`; refused with REQUIRED without it.",
        "NEWEST": "Most recently posted first.",
        "VALUE": "Highest value still available first (unit value times quantity available), across currencies "
        "by amount alone.",
    },
)
ServiceOfferStatus = enum_type(
    enums.ServiceOfferStatus,
    description="Where a shop's offer to deliver a service need stands: OFFERED -> CONFIRMED -> COMPLETED, or "
    "CANCELLED by either side on the way. COMPLETED and CANCELLED are final.",
    values={
        "OFFERED": "The shop offered; the school has not confirmed it. Other shops may offer too.",
        "CONFIRMED": "The school confirmed this shop's visit; no other offer for the need can be confirmed.",
        "COMPLETED": "The school recorded the visit as delivered: the need is fulfilled and the shop credited. Final.",
        "CANCELLED": "The school or the shop called it off (see `cancelReason` and `cancelledBy`). Final.",
    },
)
