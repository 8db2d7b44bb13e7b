"""The analyst's workbench: `kronika serve`, pages with JSON twins, search and review.

    from kronika.web.app import create_app
    app = create_app("kronika.db", write_token=None, ui="pl")   # a FastAPI application
"""
UI_LANGUAGES = ("pl", "en")
