"""AWS Lambda entry point: handler `lambda_function.lambda_handler`."""

from skill.app import lambda_handler

__all__ = ["lambda_handler"]
