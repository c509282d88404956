from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from portal.core.registry import MenuSection, Subject, register_subject

        from . import checks, models, search

        register_subject(
            Subject(
                label=self.label,
                searchable=search.SEARCHABLE,
                search_groups=(models.NewsCategoryPage,),
                menu=(
                    MenuSection(
                        models.NewsIndexPage,
                        item_type=models.NewsCategoryPage,
                        item_label="Chuyên mục tin tức",
                    ),
                ),
                # Genre is a snippet: it invalidates cached pages without being listed.
                cache_models=(models.Topic,),
                submission_checks=(checks.article_problems, checks.gallery_problems),
                page_images=(checks.article_images, checks.gallery_images),
            )
        )
