"""The base of the portal's commands for operators (``backup``, ``restore``): from the
command line an expected failure is one Vietnamese line on standard error and exit
status 1, never a traceback (``--traceback`` still shows one). ``call_command`` gets
the exception itself."""

import sys

from django.core.management.base import BaseCommand


class OperatorCommand(BaseCommand):
    #: the exceptions that are expected failures, their message meant for the operator
    expected_errors: tuple[type[Exception], ...] = ()

    def execute(self, *args, **options):
        if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
            return super().execute(*args, **options)
        try:
            return super().execute(*args, **options)
        except self.expected_errors as error:
            self.stderr.write(f"Lỗi: {error}")
            sys.exit(1)
        except KeyboardInterrupt:
            self.stderr.write("Đã dừng theo yêu cầu (Ctrl+C).")
            sys.exit(130)
