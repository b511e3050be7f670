from .base_model import BaseModel


class Categories(BaseModel):
    categories: list["CategoriesCategories"]


class CategoriesCategories(BaseModel):
    id: str
    slug: str
    name: str


Categories.model_rebuild()
