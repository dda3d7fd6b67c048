"""CHC Desktop: offline NHS Continuing Healthcare assessment tool."""

__version__ = "0.1.0"
APP_NAME = "CHC Desktop"
