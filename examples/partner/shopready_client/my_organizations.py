from typing import Optional

from .base_model import BaseModel
from .enums import MembershipRole, OrganizationKind


class MyOrganizations(BaseModel):
    me: Optional["MyOrganizationsMe"]


class MyOrganizationsMe(BaseModel):
    memberships: Optional["MyOrganizationsMeMemberships"]


class MyOrganizationsMeMemberships(BaseModel):
    edges: list["MyOrganizationsMeMembershipsEdges"]


class MyOrganizationsMeMembershipsEdges(BaseModel):
    node: "MyOrganizationsMeMembershipsEdgesNode"


class MyOrganizationsMeMembershipsEdgesNode(BaseModel):
    role: MembershipRole
    organization: "MyOrganizationsMeMembershipsEdgesNodeOrganization"


class MyOrganizationsMeMembershipsEdgesNodeOrganization(BaseModel):
    id: str
    name: str
    kinds: list[OrganizationKind]


MyOrganizations.model_rebuild()
MyOrganizationsMe.model_rebuild()
MyOrganizationsMeMemberships.model_rebuild()
MyOrganizationsMeMembershipsEdges.model_rebuild()
MyOrganizationsMeMembershipsEdgesNode.model_rebuild()
