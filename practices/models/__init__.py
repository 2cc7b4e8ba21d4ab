from .description import Comment, CommentKind, Description, DescriptionSection, Material
from .practice import CollectiveSession, CollectiveTrajectory, Practice, PracticeOrganisation, PracticeRole
from .review import AssignmentStatus, Recommendation, Review, ReviewAssignment, ReviewNote, ReviewRound
from .settings import DatabankSettings
from .template import DescriptionTemplate, TemplateSection

__all__ = [
    "AssignmentStatus",
    "CollectiveSession",
    "DatabankSettings",
    "CollectiveTrajectory",
    "Comment",
    "CommentKind",
    "Description",
    "DescriptionSection",
    "DescriptionTemplate",
    "Material",
    "Practice",
    "PracticeOrganisation",
    "PracticeRole",
    "Recommendation",
    "Review",
    "ReviewAssignment",
    "ReviewNote",
    "ReviewRound",
    "TemplateSection",
]
